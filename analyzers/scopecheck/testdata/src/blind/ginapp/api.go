// Package ginapp is a user-management API on gin, with a token
// middleware that stores the user under "user" and route groups.
package ginapp

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

type User struct {
	ID    uint
	Name  string
	Roles []string
}

func (u *User) HasRole(r string) bool {
	for _, x := range u.Roles {
		if x == r {
			return true
		}
	}
	return false
}

type Repo struct {
	users  map[string]*User
	tokens map[string]*User
}

func (rp *Repo) ByToken(tok string) (*User, bool) {
	u, ok := rp.tokens[tok]
	return u, ok
}

func (rp *Repo) Delete(id string) { delete(rp.users, id) }

func (rp *Repo) Promote(id string) { rp.users[id].Roles = append(rp.users[id].Roles, "admin") }

func (rp *Repo) Flush() { rp.users = map[string]*User{} }

var repo = &Repo{}

func AuthRequired() gin.HandlerFunc {
	return func(c *gin.Context) {
		tok := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
		u, ok := repo.ByToken(tok)
		if !ok {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "unauthorized"})
			return
		}
		c.Set("user", u)
		c.Next()
	}
}

func deleteUser(c *gin.Context) {
	repo.Delete(c.Param("id"))
	c.Status(http.StatusNoContent)
}

func promoteUser(c *gin.Context) {
	v, _ := c.Get("user")
	me := v.(*User)
	if !me.HasRole("admin") {
		c.AbortWithStatus(http.StatusForbidden)
		return
	}
	repo.Promote(c.Param("id"))
}

func flushCache(c *gin.Context) {
	repo.Flush()
	c.JSON(http.StatusOK, gin.H{"ok": true})
}

func Setup(r *gin.Engine) {
	api := r.Group("/api", AuthRequired())
	api.DELETE("/users/:id", deleteUser)        // POS:gin-delete
	api.POST("/users/:id/promote", promoteUser) // NEG: role check on c.Get("user")
	admin := api.Group("/admin")
	admin.POST("/flush", flushCache) // POS:gin-admin-flush
}
