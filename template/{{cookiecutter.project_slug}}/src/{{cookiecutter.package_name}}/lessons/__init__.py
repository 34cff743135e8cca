"""The course notes' lessons as small, tested code: read one file per lesson.

- ``weight_sharing``: one set of weights for every time step, and two ways to count them.
- ``lstm_cell``: the LSTM's four gates written out once, equal to ``nn.LSTM``.
- ``attention_split``: how multi-head attention cuts 256 dimensions into 8 heads of 32.
- ``elmo``: a forward and a backward character LM whose states are concatenated.
"""
