import ArabicText
