// Package keyedlib wraps the request's query parameters, as navidrome's
// utils/req does: String's result is the parameter its argument names.
package keyedlib

import (
	"errors"
	"net/http"
)

type Values struct {
	*http.Request
}

func Params(r *http.Request) *Values { return &Values{r} } // want Params:`param 0 flows to result 0.0`

// String returns the query parameter named param.
func (v *Values) String(param string) (string, error) { // want String:"result is the request value keyed by param 1" String:`tokenlog\(query reader, name in parameter 0\)`
	s := v.URL.Query().Get(param)
	if s == "" {
		return "", errors.New("missing parameter")
	}
	return s, nil
}

// Theme reads a fixed parameter: no key is passed on.
func (v *Values) Theme() string { return v.URL.Query().Get("theme") }

// Upper returns its argument, whatever it is: not a request read.
func Upper(s string) string { return s } // want Upper:`param 0 flows to result 0`
