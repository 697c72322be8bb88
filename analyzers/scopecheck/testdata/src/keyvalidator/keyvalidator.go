package keyvalidator // want package:"analyzed"

// Validators of echo's KeyAuth and BasicAuth. A validator comparing the
// presented key or password with one key the configuration fixes
// serves one principal: the comparison is the access decision, and the
// routes behind it are not reported. A validator looking the key up
// among the accounts' keys authenticates one of many callers, whose
// routes still need an authorization check.

import (
	"crypto/subtle"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

type config struct{ AdminKey, OpsPassword string }

type account struct{ ID string }

type server struct {
	cfg      config
	keys     map[string]*account
	accounts map[string]*account
}

func (s *server) validAdminKey(key string, _ echo.Context) (bool, error) {
	return subtle.ConstantTimeCompare([]byte(key), []byte(s.cfg.AdminKey)) == 1, nil
}

func (s *server) validOps(user, password string, _ echo.Context) (bool, error) {
	return user == "ops" && subtle.ConstantTimeCompare([]byte(password), []byte(s.cfg.OpsPassword)) == 1, nil
}

func (s *server) accountKey(key string, c echo.Context) (bool, error) {
	a, ok := s.keys[key]
	if !ok {
		return false, nil
	}
	c.Set("account", a)
	return true, nil
}

func (s *server) routes(e *echo.Echo) {
	admin := e.Group("/internal", middleware.KeyAuthWithConfig(middleware.KeyAuthConfig{KeyLookup: "header:X-Admin-Key", Validator: s.validAdminKey}))
	admin.POST("/accounts/:id/suspend", s.suspend)

	ops := e.Group("/ops", middleware.BasicAuth(s.validOps))
	ops.DELETE("/accounts/:id", s.remove)

	api := e.Group("/v1", middleware.KeyAuth(s.accountKey))
	api.DELETE("/accounts/:id", s.remove) // want `route "/accounts/:id" is registered under authenticating middleware`
}

func (s *server) suspend(c echo.Context) error {
	delete(s.accounts, c.Param("id"))
	return c.NoContent(http.StatusNoContent)
}

func (s *server) remove(c echo.Context) error {
	delete(s.accounts, c.Param("id"))
	return c.NoContent(http.StatusNoContent)
}

// A validator written in place, comparing with the token its server's
// configuration getter returns (matterbridge's API bridge), decides
// access; one written in place that looks the key up among accounts
// does not.

type bridgeConfig struct{ values map[string]string }

func (c *bridgeConfig) GetString(k string) string { return c.values[k] } // want GetString:"work\\(reads c.values\\)"

type apiServer struct {
	*bridgeConfig
	messages map[string]string
}

func newAPI(cfg *bridgeConfig, e *echo.Echo, accounts map[string]*account) *apiServer {
	b := &apiServer{bridgeConfig: cfg}
	e.Use(middleware.KeyAuth(func(key string, c echo.Context) (bool, error) {
		return key == b.GetString("Token"), nil
	}))
	e.DELETE("/api/messages/:id", b.deleteMessage)
	return b
}

func newAccountsAPI(cfg *bridgeConfig, e *echo.Echo, accounts map[string]*account) *apiServer {
	b := &apiServer{bridgeConfig: cfg}
	g := e.Group("/v2", middleware.KeyAuth(func(key string, c echo.Context) (bool, error) {
		_, ok := accounts[key]
		return ok, nil
	}))
	g.DELETE("/messages/:id", b.deleteMessage) // want `route "/messages/:id" is registered under authenticating middleware`
	return b
}

func (b *apiServer) deleteMessage(c echo.Context) error {
	delete(b.messages, c.Param("id"))
	return c.NoContent(http.StatusNoContent)
}
