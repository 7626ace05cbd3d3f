# Django's zh_Hans format groups digits by four with no separator ("1200", "3000000"); officers read
# "1,200" and "3,000,000" (the CLDR format Babel uses on the investment pages), so every page agrees.
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
