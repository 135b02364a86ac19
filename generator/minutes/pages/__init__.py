"""Plan and render: every page as the inputs it is a function of, rendered through a Jinja theme."""
