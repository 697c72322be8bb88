package claims // want package:"analyzed"

// Helpers that return the caller an authenticating middleware stored in
// the request context and parse the token themselves only when none was
// stored (gin-vue-admin's utils.GetUserAuthorityId): behind the
// middleware they authenticate nothing, so they export no
// "authenticates" fact. A helper that always parses does.

import (
	"errors"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
)

type Claims struct {
	jwt.RegisteredClaims
	Role uint
}

func keyFunc(*jwt.Token) (interface{}, error) { return []byte("k"), nil }

func parse(c *gin.Context) (*Claims, error) {
	cl := &Claims{}
	if _, err := jwt.ParseWithClaims(c.GetHeader("x-token"), cl, keyFunc); err != nil {
		return nil, err
	}
	return cl, nil
}

// RoleID: the stored claims, else a parse (absence tested).
func RoleID(c *gin.Context) uint { // want RoleID:"asks the caller"
	if v, exists := c.Get("claims"); !exists {
		cl, err := parse(c)
		if err != nil {
			return 0
		}
		return cl.Role
	} else {
		return v.(*Claims).Role
	}
}

// UserID: the stored claims returned first, the parse after.
func UserID(c *gin.Context) string { // want UserID:"asks the caller"
	if v, ok := c.Get("claims"); ok {
		return v.(*Claims).Subject
	}
	cl, err := parse(c)
	if err != nil {
		return ""
	}
	return cl.Subject
}

// Must parses the token on every request: it authenticates.
func Must(c *gin.Context) (*Claims, error) { // want Must:"authenticates"
	cl, err := parse(c)
	if err != nil {
		return nil, errors.New("unauthorized")
	}
	return cl, nil
}
