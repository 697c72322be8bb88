package webfw

import "testing"

func TestEcho(t *testing.T) {
	for path, want := range map[string]bool{
		"github.com/labstack/echo":                           true,
		"github.com/labstack/echo/v4":                        true,
		"github.com/labstack/echo/v5":                        true,
		"example.com/app/vendor/github.com/labstack/echo/v4": true,
		"github.com/labstack/echo/v4/middleware":             false,
		"github.com/labstack/echo-jwt":                       false,
		"github.com/labstack/echo/vx":                        false,
		"github.com/labstack/echo/v":                         false,
		"github.com/gin-gonic/gin":                           false,
	} {
		if got := Echo(path); got != want {
			t.Errorf("Echo(%q) = %v, want %v", path, got, want)
		}
	}
	if got := Canonical("github.com/labstack/echo/v5"); got != "github.com/labstack/echo" {
		t.Errorf("Canonical(echo/v5) = %q", got)
	}
	if got := Canonical("a/vendor/github.com/gin-gonic/gin"); got != "github.com/gin-gonic/gin" {
		t.Errorf("Canonical(vendored gin) = %q", got)
	}
}
