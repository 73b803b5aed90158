"""The training dashboard: run controls, data and settings panels, live
pyqtgraph plots fed by the trainer's events, and the run list.

`install_dashboard(window)` adds it all to a main window. Nothing here
imports TensorFlow; the trainer does that on its own thread.
"""
