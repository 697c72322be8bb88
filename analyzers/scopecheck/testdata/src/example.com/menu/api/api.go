package api // want package:"analyzed"

import (
	"net/http"

	"example.com/menu/claims"

	"github.com/gin-gonic/gin"
)

var menus = map[uint][]string{}

func deleteMenus(id uint) { delete(menus, id) }

// The handlers read the caller through the context-first helpers: they
// are judged where they are registered, behind the middleware that
// stores the claims, not as handlers that authenticate themselves.
func getMenu(c *gin.Context) {
	c.JSON(http.StatusOK, menus[claims.RoleID(c)])
}

func resetMenu(c *gin.Context) {
	deleteMenus(claims.RoleID(c))
	c.Status(http.StatusNoContent)
}

func whoami(c *gin.Context) {
	c.JSON(http.StatusOK, claims.UserID(c))
}

func stamp(c *gin.Context) {
	by := claims.UserID(c)
	menus[1] = append(menus[1], "edited by "+by)
}

// Near miss: a handler that parses the token on every request and then
// deletes for any valid caller.
func dropAll(c *gin.Context) { // want `handler dropAll authenticates the caller`
	if _, err := claims.Must(c); err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	for k := range menus {
		delete(menus, k)
	}
}

var _ = []gin.HandlerFunc{getMenu, resetMenu, whoami, stamp, dropAll}
