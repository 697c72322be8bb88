package qhelperlib // want package:`tokenlog\(query params access_token read by qhelperlib\)`

// qhelperlib reads the access token from the query through a helper
// that takes the parameter name, as services wrap r.URL.Query().Get.

import "net/http"

const QueryParamAccessToken = "access_token"

// QueryParam reads one parameter, named by its caller, from the query.
func QueryParam(r *http.Request, paramName string) (string, bool) { // want QueryParam:`tokenlog\(query reader, name in parameter 1\)` QueryParam:`result is the request value keyed by param 1`
	query := r.URL.Query()
	if !query.Has(paramName) {
		return "", false
	}
	return query.Get(paramName), true
}

// GetAccessTokenFromQuery passes the credential's name to the helper.
func GetAccessTokenFromQuery(r *http.Request) (string, bool) { // want GetAccessTokenFromQuery:`tokenlog\(result 0 is token from the "access_token" request value\)`
	return QueryParam(r, QueryParamAccessToken)
}

// Page is another parameter read through the same helper.
func Page(r *http.Request) string {
	p, _ := QueryParam(r, "page")
	return p
}
