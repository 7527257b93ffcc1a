"""End-to-end tests: the installed ``kartlagg`` command in a real terminal (tmux), driven by keys."""
