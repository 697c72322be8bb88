// Package api holds the handlers of the bookmark manager.
package api

import (
	"net/http"
	"strconv"

	"blind/bookmarks/model"
	"blind/bookmarks/mw"
)

func DeleteTag(deps model.Deps, c model.WebContext) { // POS:ctx-deltag
	if err := mw.RequireUser(deps, c); err != nil {
		return
	}
	id, _ := strconv.Atoi(c.Request().PathValue("id"))
	if err := deps.Tags().Delete(id); err != nil {
		http.Error(c.ResponseWriter(), "error", http.StatusInternalServerError)
	}
}

func RenameTag(deps model.Deps, c model.WebContext) { // NEG: owner required
	if err := mw.RequireOwner(deps, c); err != nil {
		return
	}
	id, _ := strconv.Atoi(c.Request().PathValue("id"))
	deps.Tags().Rename(id, c.Request().FormValue("name"))
}

func DeleteAccount(deps model.Deps, c model.WebContext) { // POS:ctx-delacct
	if err := mw.RequireUser(deps, c); err != nil {
		return
	}
	id, _ := strconv.Atoi(c.Request().PathValue("id"))
	deps.Accounts().Delete(id)
}

func UpdateMe(deps model.Deps, c model.WebContext) { // NEG: own account only
	if err := mw.RequireUser(deps, c); err != nil {
		return
	}
	acc := c.GetAccount()
	deps.Accounts().Update(&model.Account{ID: acc.ID, Name: c.Request().FormValue("name")})
}
