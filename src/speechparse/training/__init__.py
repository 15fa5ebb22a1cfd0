"""Training the frame's labeller: aligning the corpus's gold facts to pieces (align), fitting
the model (train), and measuring how it carries over to pages it was not trained on (cv).

A layer on top of the pipeline, used by ``make train`` and ``make cv``; nothing in the
pipeline imports it.
"""
