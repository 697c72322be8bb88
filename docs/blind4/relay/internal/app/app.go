// Package app is the notification relay's HTTP API (fiber).
package app

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/golang-jwt/jwt/v5"

	"example.com/blind4/relay/internal/push"
)

// Channel is a notification channel owned by a tenant.
type Channel struct {
	ID, TenantID string
	Subscribers  []string
}

// Tenant is an API customer.
type Tenant struct {
	ID      string
	KeyHash [32]byte
	Quota   int
	Admin   bool
}

// App is the relay.
type App struct {
	Push          *push.Providers
	DeviceKey     []byte
	InboundSecret string
	mu            sync.Mutex
	tenants       map[[32]byte]*Tenant
	byID          map[string]*Tenant
	channels      map[string]*Channel
}

// New returns the relay.
func New(p *push.Providers, deviceKey []byte, inbound string) *App {
	return &App{Push: p, DeviceKey: deviceKey, InboundSecret: inbound, tenants: map[[32]byte]*Tenant{}, byID: map[string]*Tenant{}, channels: map[string]*Channel{}}
}

func (a *App) apiKeyAuth(c *fiber.Ctx) error {
	key := c.Get("X-Api-Key")
	if key == "" {
		key = c.Query("api_key") // WANT credexposure C19
	}
	sum := sha256.Sum256([]byte(key))
	a.mu.Lock()
	t, ok := a.tenants[sum]
	a.mu.Unlock()
	if !ok || subtle.ConstantTimeCompare(sum[:], t.KeyHash[:]) != 1 { // NEAR tokenverify v26
		return c.SendStatus(http.StatusUnauthorized)
	}
	c.Locals("tenant", t)
	return c.Next()
}

func requireAdmin(c *fiber.Ctx) error {
	t, _ := c.Locals("tenant").(*Tenant)
	if t == nil || !t.Admin {
		return c.SendStatus(http.StatusForbidden)
	}
	return c.Next()
}

// Routes registers the API.
func (a *App) Routes(app *fiber.App) {
	app.Post("/session", a.session)           // NEAR scopecheck s42
	app.Post("/push/:device", a.pushToDevice) // ALT S23
	app.Post("/inbound/sms", a.inboundSMS)    // NEAR scopecheck s43
	app.Get("/stream", a.stream)

	v1 := app.Group("/v1", a.apiKeyAuth)
	v1.Get("/channels", a.listChannels)                   // NEAR scopecheck s44
	v1.Post("/channels/:id/broadcast", a.broadcast)       // WANT scopecheck S18
	v1.Delete("/channels/:id", a.deleteChannel)           // WANT scopecheck S21
	v1.Post("/channels/:id/subscribers", a.addSubscriber) // NEAR scopecheck s45
	v1.Put("/tenants/:id/quota", a.setQuota)              // WANT scopecheck S22

	admin := v1.Group("/admin", requireAdmin)
	admin.Post("/flush", a.flush) // NEAR scopecheck s46
}

func (a *App) tenant(c *fiber.Ctx) *Tenant {
	t, _ := c.Locals("tenant").(*Tenant)
	return t
}

func (a *App) session(c *fiber.Ctx) error {
	key := c.FormValue("api_key")
	sum := sha256.Sum256([]byte(key))
	a.mu.Lock()
	t, ok := a.tenants[sum]
	a.mu.Unlock()
	if !ok {
		return c.SendStatus(http.StatusUnauthorized)
	}
	tok, err := a.Push.StreamTicket(t.ID)
	if err != nil {
		return err
	}
	c.Cookie(&fiber.Cookie{Name: "relay_session", Value: tok, Path: "/", HTTPOnly: true, Expires: time.Now().Add(time.Hour)})    // WANT credexposure C16
	c.Cookie(&fiber.Cookie{Name: "relay_ticket", Value: tok, Path: "/stream", HTTPOnly: true, Secure: true, SameSite: "Strict"}) // NEAR credexposure c21
	c.Cookie(&fiber.Cookie{Name: "relay_lang", Value: c.Get("Accept-Language"), Path: "/"})                                      // NEAR credexposure c22
	ck := &http.Cookie{Name: "relay_key", Value: key, Path: "/v1", Expires: time.Now().Add(24 * time.Hour)}
	c.Set("Set-Cookie", ck.String()) // WANT credexposure C20
	return c.SendStatus(http.StatusNoContent)
}

// stream serves server-sent events; EventSource cannot set headers, so the ticket is in the query.
func (a *App) stream(c *fiber.Ctx) error {
	ticket := c.Query("ticket") // NEAR credexposure c23
	_, err := jwt.Parse(ticket, func(t *jwt.Token) (any, error) { return a.Push.TicketKey, nil }, jwt.WithValidMethods([]string{"HS256"}))
	if err != nil {
		return c.SendStatus(http.StatusUnauthorized)
	}
	c.Set("Content-Type", "text/event-stream")
	return c.SendString("retry: 1000\n\n")
}

// pushToDevice sends a message to a device; the caller presents a device token.
func (a *App) pushToDevice(c *fiber.Ctx) error { // WANT scopecheck S23
	raw := strings.TrimPrefix(c.Get("Authorization"), "Bearer ")
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { return a.DeviceKey, nil }, jwt.WithValidMethods([]string{"HS256"})) // NEAR tokenverify v27
	if err != nil {
		return c.SendStatus(http.StatusUnauthorized)
	}
	return a.Push.Mobile(c.Params("device"), string(c.Body()))
}

// inboundSMS receives replies from the SMS gateway, signed with the shared secret.
func (a *App) inboundSMS(c *fiber.Ctx) error {
	mac := hmac.New(sha256.New, []byte(a.InboundSecret))
	mac.Write(c.Body())
	expected := hex.EncodeToString(mac.Sum(nil))
	if strings.Compare(c.Get("X-Gateway-Signature"), expected) != 0 { // WANT tokenverify V23
		return c.SendStatus(http.StatusUnauthorized)
	}
	return c.SendStatus(http.StatusNoContent)
}

func (a *App) listChannels(c *fiber.Ctx) error {
	t := a.tenant(c)
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []*Channel
	for _, ch := range a.channels {
		if ch.TenantID == t.ID {
			out = append(out, ch)
		}
	}
	return c.JSON(out)
}

func (a *App) broadcast(c *fiber.Ctx) error {
	a.mu.Lock()
	ch, ok := a.channels[c.Params("id")]
	a.mu.Unlock()
	if !ok {
		return c.SendStatus(http.StatusNotFound)
	}
	for _, dev := range ch.Subscribers {
		_ = a.Push.Mobile(dev, string(c.Body()))
	}
	return c.SendStatus(http.StatusAccepted)
}

func (a *App) deleteChannel(c *fiber.Ctx) error {
	a.mu.Lock()
	delete(a.channels, c.Params("id"))
	a.mu.Unlock()
	return c.SendStatus(http.StatusNoContent)
}

func (a *App) addSubscriber(c *fiber.Ctx) error {
	t := a.tenant(c)
	a.mu.Lock()
	defer a.mu.Unlock()
	ch, ok := a.channels[c.Params("id")]
	if !ok || ch.TenantID != t.ID {
		return c.SendStatus(http.StatusNotFound)
	}
	ch.Subscribers = append(ch.Subscribers, string(c.Body()))
	return c.SendStatus(http.StatusCreated)
}

func (a *App) setQuota(c *fiber.Ctx) error {
	var body struct{ Quota int }
	if err := c.BodyParser(&body); err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if t, ok := a.byID[c.Params("id")]; ok {
		t.Quota = body.Quota
	}
	return c.SendStatus(http.StatusNoContent)
}

func (a *App) flush(c *fiber.Ctx) error {
	a.mu.Lock()
	a.channels = map[string]*Channel{}
	a.mu.Unlock()
	return c.SendStatus(http.StatusNoContent)
}
