# custom_layers.py defines Keras classes, so importing it loads Keras: the tests import it
# when they run, never at collection (--doctest-modules would import it there)
collect_ignore = ["custom_layers.py"]
