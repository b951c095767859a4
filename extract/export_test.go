package extract

// VerbFormsForTest exposes verbForms to the package's external tests.
var VerbFormsForTest = verbForms
