package oauthredirect

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
)

// checkDynamic reports an oauth2.Config whose RedirectURL (or a
// redirect_uri authorization parameter) is built from the request.
func (st *state) checkDynamic(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.Store:
				base, name, ok := fieldName(in.Addr)
				if !ok || name != "RedirectURL" || !isNamed(base.Type(), "golang.org/x/oauth2", "Config") {
					continue
				}
				if o := st.requestOrigin(in.Val); o != nil {
					pos := in.Pos()
					if !pos.IsValid() {
						pos = in.Val.Pos()
					}
					st.report(pos, catDynamic, fmt.Sprintf("oauth2.Config.RedirectURL is built from the %s; take it from configuration", o.desc),
						*o, "and stored in oauth2.Config.RedirectURL")
				}
			case *ssa.Call:
				c, ok := resolve(in.Common())
				if !ok || !c.is("golang.org/x/oauth2", "", "SetAuthURLParam") {
					continue
				}
				if k, _ := credsrc.ConstString(c.arg(0)); !strings.EqualFold(k, "redirect_uri") {
					continue
				}
				if o := st.requestOrigin(c.arg(1)); o != nil {
					st.report(in.Pos(), catDynamic, fmt.Sprintf("the redirect_uri parameter is built from the %s; take it from configuration", o.desc),
						*o, "and passed as redirect_uri")
				}
			}
		}
	}
}

// requestOrigin returns the first request-data origin of v in dynamic
// mode, or nil.
func (st *state) requestOrigin(v ssa.Value) *origin {
	for _, o := range st.trace(v, true) {
		if o.param < 0 && o.kind != 0 {
			return &o
		}
	}
	return nil
}
