package scopecheck

// The connection of an upgraded request. A WebSocket upgrade and the
// frames read and written on the connection are the response channel
// of the request, as writing a response is: no work an authorizing
// check protects. What the handler does with the messages (a call into
// the application, a read of its state, a subscription to a hub) is
// still judged as work. navidrome's Jellyfin /socket only answers
// KeepAlive frames.

// isTransport reports whether path is a WebSocket library.
func isTransport(path string) bool {
	for _, p := range []string{
		"github.com/gorilla/websocket", "nhooyr.io/websocket", "github.com/coder/websocket",
		"golang.org/x/net/websocket", "github.com/gobwas/ws", "github.com/lxzan/gws",
	} {
		if hasPathPrefix(path, p) {
			return true
		}
	}
	return false
}
