"""The Qt canvas: a scene that draws model.Layout and turns gestures into undo commands."""
