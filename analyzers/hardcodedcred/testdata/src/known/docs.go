package known

// A generated API document: the key is reported on its own line, not at
// the literal's first line hundreds of lines above.
const docTemplate = `{
    "swagger": "2.0",
    "info": {"title": "API"},
    "x-example-key": "ghp_R7aXk2Qm9LpZ4vT8wYc1Nb6Hd3Jf5Ge0Us2k"}` // want `GitHub credential matching gitleaks rule github-pat`

// jwt.io's published sample token as a documentation example grants
// nothing: silent, in a document as in a plain literal.
const sampleDoc = `{
    "definitions": {
        "auth.Token": {
            "example": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
        }
    }
}`

var jwtIOSample = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
