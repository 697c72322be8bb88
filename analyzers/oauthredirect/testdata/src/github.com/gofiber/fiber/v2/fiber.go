// Package fiber is a stub of github.com/gofiber/fiber/v2 for tests.
package fiber

type Ctx struct{}

type Cookie struct {
	Name     string
	Value    string
	Secure   bool
	HTTPOnly bool
}

func (c *Ctx) Query(key string, defaultValue ...string) string     { return "" }
func (c *Ctx) FormValue(key string, defaultValue ...string) string { return "" }
func (c *Ctx) Params(key string, defaultValue ...string) string    { return "" }
func (c *Ctx) Get(key string, defaultValue ...string) string       { return "" }
func (c *Ctx) Cookies(key string, defaultValue ...string) string   { return "" }
func (c *Ctx) Cookie(cookie *Cookie)                               {}
func (c *Ctx) Hostname() string                                    { return "" }
func (c *Ctx) Redirect(location string, status ...int) error       { return nil }
func (c *Ctx) Set(key, val string)                                 {}

type Handler = func(*Ctx) error

type App struct{}

func New() *App                                           { return &App{} }
func (a *App) Get(path string, handlers ...Handler) *App  { return a }
func (a *App) Post(path string, handlers ...Handler) *App { return a }
