package store

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// DefaultPath is where the database lives unless --db says otherwise:
// $GAPMAP_DB, else gapmap/gapmap.db in the user's data folder
// ($XDG_DATA_HOME, ~/.local/share; ~/Library/Application Support on macOS).
func DefaultPath() (string, error) {
	if p := os.Getenv("GAPMAP_DB"); p != "" {
		return p, nil
	}
	dir, err := dataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "gapmap", "gapmap.db"), nil
}

func dataDir() (string, error) {
	// The XDG spec says a relative value is invalid and must be ignored.
	if d := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		return d, nil
	}
	if runtime.GOOS == "windows" {
		if d := os.Getenv("LocalAppData"); d != "" {
			return d, nil
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("finding the home folder: %w", err)
	}
	if runtime.GOOS == "darwin" {
		return filepath.Join(home, "Library", "Application Support"), nil
	}
	return filepath.Join(home, ".local", "share"), nil
}
