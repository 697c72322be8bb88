package accept

import (
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

func ginToken(c *gin.Context) string {
	if h := c.GetHeader("Authorization"); h != "" {
		return strings.TrimPrefix(h, "Bearer ")
	}
	return c.Query("token") // want `bearer token accepted from the "token" query parameter as well as the Authorization header`
}

func echoToken(c echo.Context) string {
	if h := c.Request().Header.Get("Authorization"); h != "" {
		return strings.TrimPrefix(h, "Bearer ")
	}
	return c.QueryParam("access_token") // want `bearer token accepted from the "access_token" query parameter as well as the Authorization header`
}

func ginQueryOnly(c *gin.Context) string {
	return c.Query("token") // no header alternative
}

func ginOther(c *gin.Context) string {
	_ = c.GetHeader("Authorization")
	return c.DefaultQuery("page", "1") // not a token
}
