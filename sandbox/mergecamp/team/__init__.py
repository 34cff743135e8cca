"""The team track's world: a bare origin, scripted teammates, pull requests and their review.

Everything is a local path inside the exercise's team folder (``<workspace>/<id>-team``):
no network, no forge. The learner's clone talks to ``origin.git`` with plain git.
"""
