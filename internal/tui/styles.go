package tui

import (
	"image/color"

	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/gapmap/gapmap/internal/assessment"
)

// Styles holds every style of the program. No colour literal lives outside
// this file.
type Styles struct {
	isDark  bool
	noColor bool

	App      lipgloss.Style
	Title    lipgloss.Style
	Subtitle lipgloss.Style
	Muted    lipgloss.Style
	Text     lipgloss.Style
	Bold     lipgloss.Style
	Accent   lipgloss.Style
	Key      lipgloss.Style
	Selected lipgloss.Style
	Border   lipgloss.Style
	Status   lipgloss.Style
	Error    lipgloss.Style
	Success  lipgloss.Style

	// Severity and readiness colours.
	Critical lipgloss.Style
	High     lipgloss.Style
	Medium   lipgloss.Style
	Low      lipgloss.Style
	Met      lipgloss.Style
	Partial  lipgloss.Style
	Gap      lipgloss.Style

	BarFull  lipgloss.Style
	BarEmpty lipgloss.Style
	Cell     func(readiness float64, scored bool) lipgloss.Style
}

// palette is every colour of the program, for one background.
type palette struct {
	accent, muted, red, orange, yellow, green, blue color.Color
}

func newPalette(isDark, noColor bool) palette {
	ld := lipgloss.LightDark(isDark)
	c := func(light, dark string) color.Color {
		if noColor {
			return lipgloss.NoColor{}
		}
		return ld(lipgloss.Color(light), lipgloss.Color(dark))
	}
	return palette{
		accent: c("#5A3FD6", "#A99BFF"),
		muted:  c("#6B6B6B", "#9A9A9A"),
		red:    c("#B3261E", "#FF8A80"),
		orange: c("#A35200", "#FFB74D"),
		yellow: c("#7A6400", "#E6D36A"),
		green:  c("#1B6E3A", "#7BD88F"),
		blue:   c("#1F5FA8", "#8AB4F8"),
	}
}

// NewStyles builds the styles for a dark or light background. With noColor
// only bold, faint and reverse are used.
func NewStyles(isDark, noColor bool) Styles {
	p := newPalette(isDark, noColor)
	accent, muted, red, orange, yellow, green, blue := p.accent, p.muted, p.red, p.orange, p.yellow, p.green, p.blue

	s := Styles{isDark: isDark, noColor: noColor}
	s.App = lipgloss.NewStyle().Padding(0, 1)
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Subtitle = lipgloss.NewStyle().Bold(true)
	s.Muted = lipgloss.NewStyle().Foreground(muted)
	s.Text = lipgloss.NewStyle()
	s.Bold = lipgloss.NewStyle().Bold(true)
	s.Accent = lipgloss.NewStyle().Foreground(accent)
	s.Key = lipgloss.NewStyle().Bold(true).Foreground(blue)
	s.Selected = lipgloss.NewStyle().Bold(true).Foreground(accent)
	if noColor {
		s.Selected = s.Selected.Reverse(true)
		s.Muted = s.Muted.Faint(true)
	}
	s.Border = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(muted).Padding(0, 1)
	s.Status = lipgloss.NewStyle().Foreground(muted)
	s.Error = lipgloss.NewStyle().Bold(true).Foreground(red)
	s.Success = lipgloss.NewStyle().Foreground(green)
	s.Critical = lipgloss.NewStyle().Bold(true).Foreground(red)
	s.High = lipgloss.NewStyle().Foreground(orange)
	s.Medium = lipgloss.NewStyle().Foreground(yellow)
	s.Low = lipgloss.NewStyle().Foreground(muted)
	s.Met = lipgloss.NewStyle().Foreground(green)
	s.Partial = lipgloss.NewStyle().Foreground(yellow)
	s.Gap = lipgloss.NewStyle().Foreground(red)
	s.BarFull = lipgloss.NewStyle().Foreground(accent)
	s.BarEmpty = lipgloss.NewStyle().Foreground(muted)
	s.Cell = func(r float64, scored bool) lipgloss.Style {
		st := lipgloss.NewStyle().Bold(true)
		switch {
		case !scored:
			return st.Foreground(muted)
		case r >= 0.8:
			return st.Foreground(green)
		case r >= 0.5:
			return st.Foreground(yellow)
		default:
			return st.Foreground(red)
		}
	}
	return s
}

// IsDark reports the background the styles were built for.
func (s Styles) IsDark() bool { return s.isDark }

// Severity returns the style of a severity name.
func (s Styles) Severity(sev string) lipgloss.Style {
	switch sev {
	case "critical":
		return s.Critical
	case "high":
		return s.High
	case "medium":
		return s.Medium
	}
	return s.Low
}

// FormTheme themes huh's forms with the program's palette, so that forms
// and screens look alike. Huh passes the background it learnt.
func (s Styles) FormTheme() huh.Theme {
	noColor := s.noColor
	return huh.ThemeFunc(func(isDark bool) *huh.Styles {
		p := newPalette(isDark, noColor)
		t := huh.ThemeBase(isDark)
		f := &t.Focused
		f.Base = f.Base.BorderForeground(p.accent)
		f.Card = f.Base
		f.Title = f.Title.Foreground(p.accent).Bold(true)
		f.NoteTitle = f.NoteTitle.Foreground(p.accent).Bold(true).MarginBottom(1)
		f.Description = f.Description.Foreground(p.muted)
		f.ErrorIndicator = f.ErrorIndicator.Foreground(p.red)
		f.ErrorMessage = f.ErrorMessage.Foreground(p.red)
		f.SelectSelector = f.SelectSelector.Foreground(p.accent)
		f.NextIndicator = f.NextIndicator.Foreground(p.accent)
		f.PrevIndicator = f.PrevIndicator.Foreground(p.accent)
		f.MultiSelectSelector = f.MultiSelectSelector.Foreground(p.accent)
		f.SelectedOption = f.SelectedOption.Foreground(p.green)
		f.SelectedPrefix = lipgloss.NewStyle().Foreground(p.green).SetString("[x] ")
		f.UnselectedPrefix = lipgloss.NewStyle().Foreground(p.muted).SetString("[ ] ")
		f.FocusedButton = f.FocusedButton.Bold(true).Reverse(true)
		f.Next = f.FocusedButton
		f.BlurredButton = f.BlurredButton.Foreground(p.muted)
		f.TextInput.Cursor = f.TextInput.Cursor.Foreground(p.accent)
		f.TextInput.Placeholder = f.TextInput.Placeholder.Foreground(p.muted)
		f.TextInput.Prompt = f.TextInput.Prompt.Foreground(p.accent)
		t.Blurred = t.Focused
		t.Blurred.Base = t.Focused.Base.BorderStyle(lipgloss.HiddenBorder())
		t.Blurred.Card = t.Blurred.Base
		t.Blurred.NextIndicator = lipgloss.NewStyle()
		t.Blurred.PrevIndicator = lipgloss.NewStyle()
		t.Group.Title = t.Focused.Title
		t.Group.Description = t.Focused.Description
		return t
	})
}

// ISOCell is the style of an Annex A control's heat-map cell by its
// status. Each status also has its own character (see isoGlyph), so that
// the map reads without colour.
func (s Styles) ISOCell(status assessment.ISOStatus) lipgloss.Style {
	p := newPalette(s.isDark, s.noColor)
	st := lipgloss.NewStyle()
	switch status {
	case assessment.Implemented:
		return st.Bold(true).Foreground(p.green)
	case assessment.ImplementedNoProof:
		return st.Foreground(p.blue)
	case assessment.PartlyImplemented:
		return st.Foreground(p.yellow)
	case assessment.NotImplemented:
		return st.Bold(true).Foreground(p.red)
	}
	return st.Foreground(p.muted)
}
