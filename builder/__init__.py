"""The site builder's parts; ``build.py`` strings them together."""
