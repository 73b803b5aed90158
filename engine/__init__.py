"""NeuroCanvas engine: the Qt-free, TensorFlow-free core.

``from engine import Network`` gives the document; building a Keras model
(``Network.to_keras``) imports Keras lazily, on first use.
"""

from engine.errors import Diagnostic, DocumentError, EditError, ParamError, ShapeError  # noqa: F401


def __getattr__(name):
    if name == "Network":
        from engine.network import Network
        return Network
    raise AttributeError(name)
