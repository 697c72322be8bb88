// Package chat is pingwire's chat API: channels, messages, devices, broadcasts, websocket
// delivery and incoming webhooks.
package chat

import (
	"crypto/rand"
	"encoding/hex"
	"sync"
	"time"
)

type Message struct {
	ID      string    `json:"id"`
	Channel string    `json:"channel"`
	Author  string    `json:"author"`
	Text    string    `json:"text"`
	At      time.Time `json:"at"`
}

type Channel struct {
	ID       string            `json:"id"`
	Name     string            `json:"name"`
	Topic    string            `json:"topic"`
	Archived bool              `json:"archived"`
	Members  map[string]string `json:"-"` // user -> role
}

type Device struct {
	ID        string `json:"id"`
	User      string `json:"user"`
	Platform  string `json:"platform"`
	PushToken string `json:"push_token"`
}

type Hook struct {
	ID      string
	Channel string
	Secret  string
	Name    string
}

type Settings struct {
	Mute      bool   `json:"mute"`
	SMSAfter  int    `json:"sms_after_minutes"`
	PhoneE164 string `json:"phone"`
}

type Store struct {
	mu       sync.RWMutex
	channels map[string]*Channel
	messages map[string]*Message
	devices  map[string][]Device
	hooks    map[string]*Hook
	settings map[string]Settings
	subs     map[string][]chan Message
}

func NewStore() *Store {
	return &Store{channels: map[string]*Channel{}, messages: map[string]*Message{}, devices: map[string][]Device{},
		hooks: map[string]*Hook{}, settings: map[string]Settings{}, subs: map[string][]chan Message{}}
}

func newID() string {
	b := make([]byte, 9)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func (s *Store) Channel(id string) (*Channel, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, ok := s.channels[id]
	return c, ok
}

func (s *Store) IsMember(ch, user string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, ok := s.channels[ch]
	return ok && c.Members[user] != ""
}

func (s *Store) Join(ch, user, role string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.channels[ch]
	if !ok {
		return false
	}
	c.Members[user] = role
	return true
}

func (s *Store) Post(ch, author, text string) Message {
	m := Message{ID: newID(), Channel: ch, Author: author, Text: text, At: time.Now()}
	s.mu.Lock()
	s.messages[m.ID] = &m
	subs := append([]chan Message(nil), s.subs[ch]...)
	s.mu.Unlock()
	for _, sub := range subs {
		select {
		case sub <- m:
		default:
		}
	}
	return m
}

func (s *Store) History(ch string, limit int) []Message {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []Message
	for _, m := range s.messages {
		if m.Channel == ch {
			out = append(out, *m)
		}
	}
	if len(out) > limit {
		out = out[len(out)-limit:]
	}
	return out
}

func (s *Store) DeleteMessage(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.messages[id]
	delete(s.messages, id)
	return ok
}

func (s *Store) Archive(ch string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.channels[ch]
	if ok {
		c.Archived = true
	}
	return ok
}

func (s *Store) Devices(user string) []Device {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return append([]Device(nil), s.devices[user]...)
}

func (s *Store) Hook(id string) (*Hook, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	h, ok := s.hooks[id]
	return h, ok
}

func (s *Store) SetSettings(user string, st Settings) {
	s.mu.Lock()
	s.settings[user] = st
	s.mu.Unlock()
}

func (s *Store) Subscribe(ch string) (<-chan Message, func()) {
	c := make(chan Message, 32)
	s.mu.Lock()
	s.subs[ch] = append(s.subs[ch], c)
	s.mu.Unlock()
	return c, func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		list := s.subs[ch]
		for i, x := range list {
			if x == c {
				s.subs[ch] = append(list[:i], list[i+1:]...)
				break
			}
		}
	}
}

func (s *Store) AllMembers() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	seen := map[string]bool{}
	var out []string
	for _, c := range s.channels {
		for u := range c.Members {
			if !seen[u] {
				seen[u] = true
				out = append(out, u)
			}
		}
	}
	return out
}
