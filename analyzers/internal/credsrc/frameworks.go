package credsrc

import (
	"fmt"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/webfw"
)

// Web frameworks' keyed reads of the request.
//
// Handlers written for echo, gin or fiber read the query, the form and
// the headers through the framework's context rather than through
// net/http: c.QueryParam("token") is the same credential as
// r.URL.Query().Get("token"), and c.GetHeader("Authorization") the same
// as r.Header.Get("Authorization"). The same names decide: a query or
// form key that names a credential, a credential header.

// frameworkRead recognises the keyed reads of the request context of
// echo (Context), gin (Context) and fiber (Ctx).
func frameworkRead(path, recv, name string, arg0 func() (string, bool), result int) (Source, bool) {
	var param, header bool
	switch {
	case webfw.Echo(path) && recv == "Context":
		switch name {
		case "QueryParam", "FormValue":
			param = true
		}
	case path == "github.com/gin-gonic/gin" && recv == "Context":
		switch name {
		case "Query", "DefaultQuery", "GetQuery", "PostForm", "DefaultPostForm", "GetPostForm":
			param = true
		case "GetHeader":
			header = true
		}
	case strings.HasPrefix(path, "github.com/gofiber/fiber") && recv == "Ctx":
		switch name {
		case "Query", "FormValue":
			param = true
		case "Get":
			header = true
		}
	}
	if result != 0 || (!param && !header) {
		return Source{}, false
	}
	k, ok := arg0()
	if !ok {
		return Source{}, false
	}
	switch {
	case header && credname.IsCredentialHeader(k):
		return headerSource(k), true
	case param && isURLCredentialParam(k):
		return Source{Kind: paramKind(k), Desc: fmt.Sprintf("%s from the %q request parameter", paramKind(k), k), Typed: true}, true
	}
	return Source{}, false
}
