"""Explain what a trained network learned: attribution maps, embeddings,
mistakes and per-class metrics, activation health and recurrent states.

Qt-free; importing this package does not import Keras or TensorFlow (each
function imports them when it runs). Modules:

- `subject`: what is explained — a model with weights and the data it was
  trained on, opened from a run folder, a ``.keras`` file or a live trainer;
- `attribution`: Grad-CAM, saliency, SmoothGrad, Integrated Gradients and
  occlusion sensitivity, and the overlay image;
- `embeddings`: a layer's activations over the validation set projected
  with PCA, t-SNE or UMAP;
- `mistakes`: per-class metrics, the most confidently wrong samples, ROC
  and precision-recall curves, regression residuals;
- `health`: dead ReLU units, saturated sigmoid/tanh outputs and gradient
  norms per layer;
- `sequences`: the hidden state of a recurrent layer over time steps.

Example::

    from engine.explain.subject import open_subject
    from engine.explain.attribution import explain
    subject = open_subject("mnist.runs/20250101-120000_3fa2c1")
    a = explain(subject.model, subject.x_val[0], "gradcam")
    a.map                  # the Grad-CAM map at the last convolution's resolution
"""

from engine.errors import NeuroCanvasError

# the attribution methods, by the names the command line and the views use
METHODS = ("gradcam", "saliency", "smoothgrad", "ig", "occlusion")


class ExplainError(NeuroCanvasError):
    """Something cannot be explained as asked (no such layer, a model with two
    outputs, a dataset that does not fit the model, …)."""


__all__ = ["ExplainError", "METHODS"]
