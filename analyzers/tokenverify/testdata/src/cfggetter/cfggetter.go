// Package cfggetter compares presented keys with values its
// configuration getters return under a credential's key: the getter's
// key names the value (b.GetString("Token") in matterbridge's API
// bridge, compared with what its key-auth callback is handed). A getter
// read under another key, and a getter taking no constant key, say
// nothing.
package cfggetter

type config struct{ values map[string]string }

func (c *config) GetString(k string) string { return c.values[k] }

type api struct{ *config }

func (b *api) validators(name string) []func(string) bool {
	return []func(string) bool{
		func(key string) bool {
			return key == b.GetString("Token") // want `token read by GetString\("Token"\) compared with ==`
		},
		func(key string) bool {
			return key != b.GetString("server.api_key") // want `API key read by GetString\("server.api_key"\) compared with !=`
		},
		// Near misses.
		func(nick string) bool {
			return nick == b.GetString("RemoteNickFormat")
		},
		func(team string) bool {
			return team == b.GetString(name)
		},
	}
}
