// Package web is the media service's gin API.
package web

import (
	"net/http"
	"sync"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
)

// Video is an uploaded video.
type Video struct {
	ID        string `json:"id"`
	OwnerID   string `json:"owner_id"`
	Title     string `json:"title"`
	Published bool   `json:"published"`
}

// App holds the service state.
type App struct {
	key    []byte
	mu     sync.Mutex
	videos map[string]*Video
	banned map[string]bool
}

// NewApp builds the app.
func NewApp(key []byte) *App {
	return &App{key: key, videos: map[string]*Video{}, banned: map[string]bool{}}
}

// Router registers the routes.
func (a *App) Router() *gin.Engine {
	r := gin.New()
	r.GET("/healthz", func(c *gin.Context) { c.String(http.StatusOK, "ok") }) // NEAR scopecheck s20
	r.POST("/auth/token", a.token)                                            // NEAR scopecheck s21
	r.GET("/videos/:id", a.getVideo)                                          // NEAR scopecheck s22

	api := r.Group("/api", a.authRequired())
	api.DELETE("/videos/:id", a.deleteVideo)                          // WANT scopecheck S12
	api.POST("/videos/:id/publish", requireRole("editor"), a.publish) // NEAR scopecheck s23
	api.PUT("/videos/:id", a.updateVideo)                             // NEAR scopecheck s24
	api.POST("/users/:id/ban", a.banUser)                             // WANT scopecheck S13
	api.POST("/videos/:id/feature", a.feature)                        // NEAR scopecheck s25
	api.POST("/videos/:id/unpublish", a.unpublish)                    // WANT scopecheck S14

	admin := api.Group("/admin", requireRole("admin"))
	admin.POST("/transcode-all", a.transcodeAll)  // NEAR scopecheck s26
	admin.DELETE("/users/:id/videos", a.wipeUser) // NEAR scopecheck s27

	ops := r.Group("/ops", gin.BasicAuth(opsAccounts()))
	ops.POST("/cache/flush", a.flushCache) // NEAR scopecheck s28
	return r
}

func (a *App) token(c *gin.Context) {
	if c.PostForm("password") == "" {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	tok, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": c.PostForm("user"), "role": "viewer"}).SignedString(a.key)
	c.JSON(http.StatusOK, gin.H{"access_token": tok})
}

func (a *App) getVideo(c *gin.Context) {
	a.mu.Lock()
	defer a.mu.Unlock()
	v, ok := a.videos[c.Param("id")]
	if !ok || !v.Published {
		c.Status(http.StatusNotFound)
		return
	}
	c.JSON(http.StatusOK, v)
}

func (a *App) deleteVideo(c *gin.Context) {
	a.mu.Lock()
	defer a.mu.Unlock()
	delete(a.videos, c.Param("id"))
	c.Status(http.StatusNoContent)
}

func (a *App) publish(c *gin.Context) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if v, ok := a.videos[c.Param("id")]; ok {
		v.Published = true
	}
}

// updateVideo lets owners edit their own videos.
func (a *App) updateVideo(c *gin.Context) {
	cl := c.MustGet(ctxClaims).(*claims)
	a.mu.Lock()
	defer a.mu.Unlock()
	v, ok := a.videos[c.Param("id")]
	if !ok || v.OwnerID != cl.Subject {
		c.Status(http.StatusNotFound)
		return
	}
	v.Title = c.PostForm("title")
}

func (a *App) banUser(c *gin.Context) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.banned[c.Param("id")] = true
}

// feature requires the curator role, checked inline.
func (a *App) feature(c *gin.Context) {
	cl := c.MustGet(ctxClaims).(*claims)
	if cl.Role != "curator" {
		c.AbortWithStatus(http.StatusForbidden)
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if v, ok := a.videos[c.Param("id")]; ok {
		v.Title = "★ " + v.Title
	}
}

// unpublish reads the caller's claims only to log who did it.
func (a *App) unpublish(c *gin.Context) {
	cl := c.MustGet(ctxClaims).(*claims)
	a.mu.Lock()
	defer a.mu.Unlock()
	if v, ok := a.videos[c.Param("id")]; ok {
		v.Published = false
		c.Header("X-Unpublished-By", cl.Subject)
	}
}

func (a *App) transcodeAll(c *gin.Context) { c.Status(http.StatusAccepted) }

func (a *App) wipeUser(c *gin.Context) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for id, v := range a.videos {
		if v.OwnerID == c.Param("id") {
			delete(a.videos, id)
		}
	}
}

func (a *App) flushCache(c *gin.Context) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.videos = map[string]*Video{}
}
