// Package fiber is a stub of github.com/gofiber/fiber/v2 for tests.
package fiber

type Ctx struct{}

func (c *Ctx) Next() error                                              { return nil }
func (c *Ctx) Get(key string, defaultValue ...string) string            { return "" }
func (c *Ctx) Params(key string, defaultValue ...string) string         { return "" }
func (c *Ctx) Query(key string, defaultValue ...string) string          { return "" }
func (c *Ctx) Cookies(key string, defaultValue ...string) string        { return "" }
func (c *Ctx) Locals(key interface{}, value ...interface{}) interface{} { return nil }
func (c *Ctx) SendStatus(status int) error                              { return nil }
func (c *Ctx) JSON(data interface{}) error                              { return nil }
func (c *Ctx) Status(status int) *Ctx                                   { return c }

type Handler = func(*Ctx) error

type Map map[string]interface{}

type Error struct {
	Code    int
	Message string
}

func (e *Error) Error() string { return e.Message }

var (
	ErrUnauthorized = &Error{Code: 401, Message: "Unauthorized"}
	ErrForbidden    = &Error{Code: 403, Message: "Forbidden"}
)

type Router interface {
	Use(args ...interface{}) Router
	Get(path string, handlers ...Handler) Router
	Post(path string, handlers ...Handler) Router
	Delete(path string, handlers ...Handler) Router
	All(path string, handlers ...Handler) Router
	Group(prefix string, handlers ...Handler) Router
	Route(prefix string, fn func(router Router), name ...string) Router
}

type App struct{}

func New() *App { return &App{} }

func (app *App) Use(args ...interface{}) Router                                     { return app }
func (app *App) Get(path string, handlers ...Handler) Router                        { return app }
func (app *App) Post(path string, handlers ...Handler) Router                       { return app }
func (app *App) Delete(path string, handlers ...Handler) Router                     { return app }
func (app *App) All(path string, handlers ...Handler) Router                        { return app }
func (app *App) Group(prefix string, handlers ...Handler) Router                    { return &Group{} }
func (app *App) Route(prefix string, fn func(router Router), name ...string) Router { return app }
func (app *App) Listen(addr string) error                                           { return nil }

type Group struct{}

func (grp *Group) Use(args ...interface{}) Router                                     { return grp }
func (grp *Group) Get(path string, handlers ...Handler) Router                        { return grp }
func (grp *Group) Post(path string, handlers ...Handler) Router                       { return grp }
func (grp *Group) Delete(path string, handlers ...Handler) Router                     { return grp }
func (grp *Group) All(path string, handlers ...Handler) Router                        { return grp }
func (grp *Group) Group(prefix string, handlers ...Handler) Router                    { return grp }
func (grp *Group) Route(prefix string, fn func(router Router), name ...string) Router { return grp }

const (
	StatusOK        = 200
	StatusNoContent = 204
	StatusForbidden = 403
)
