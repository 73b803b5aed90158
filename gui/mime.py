"""MIME types the editor puts on drags and on the clipboard."""

LAYER_TYPE = "application/x-neurocanvas-layer"  # a catalog type name, from the palette
FRAGMENT = "application/x-neurocanvas-fragment"  # a neurocanvas/1 document of copied nodes
