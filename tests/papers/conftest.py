"""The converter's tests. Golden files are compared only; `make golden` is the one way to change them
(tests/goldens.py)."""
