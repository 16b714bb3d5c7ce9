"""casecoder terminology: the code systems (ICPC-1NL, SNOMED CT fragments, project codes) and the term data.

Everything here is data loaded from package resources (`terminology/data/*.json`); modules are imported on
demand, so importing this package is cheap. Nothing in this package imports from `coder`.
"""
