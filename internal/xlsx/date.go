package xlsx

import (
	"errors"
	"math"
	"time"
)

// Spreadsheet dates are serial numbers: days since an epoch, the time of
// day as the fraction. The 1900 date system (the default) counts
// 29 February 1900, which never was, as Lotus 1-2-3 did; the 1904 system
// (old Mac workbooks, a flag in workbook.xml) does not. The conversions
// below follow excelize's, so dates import as they did when gapmap read
// workbooks with it.

const (
	nanosInADay  = float64((24 * time.Hour) / time.Nanosecond)
	dayDuration  = 24 * time.Hour
	maxDuration  = 290 * 364 * dayDuration
	roundEpsilon = 1e-9
)

var (
	epoch1900      = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)
	epoch1904      = time.Date(1904, time.January, 1, 0, 0, 0, 0, time.UTC)
	minTime1900    = time.Date(1899, time.December, 31, 0, 0, 0, 0, time.UTC)
	leapBugStarted = time.Date(1900, time.March, 1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond)
)

// Serial is the serial number of a time's wall-clock reading (its zone
// offset is kept, as a spreadsheet has no zones); 0 before the epoch.
func Serial(t time.Time, date1904 bool) float64 {
	_, offset := t.Zone()
	t = t.Add(time.Duration(offset) * time.Second)
	epoch := minTime1900
	if date1904 {
		epoch = epoch1904
	}
	if t.Before(epoch) {
		return 0
	}
	tt, diff, result := t, t.Sub(epoch), 0.0
	for diff >= maxDuration {
		result += float64(maxDuration / dayDuration)
		tt = tt.Add(-maxDuration)
		diff = tt.Sub(epoch)
	}
	rem := diff % dayDuration
	result += float64(diff-rem)/float64(dayDuration) + float64(rem)/float64(dayDuration)
	if !date1904 && t.After(leapBugStarted) {
		result++
	}
	return result
}

// errBadSerial is the error for a serial number no date has.
var errBadSerial = errors.New("not a spreadsheet date")

// Time is the date and time, UTC, of a serial number in the 1900 or 1904
// date system, to the second.
func Time(serial float64, date1904 bool) (time.Time, error) {
	// The bound keeps the arithmetic below within a time.Duration.
	if serial < 0 || math.IsNaN(serial) || serial > 2958465 {
		return time.Time{}, errBadSerial
	}
	t := timeFromSerial(serial, date1904)
	if !date1904 && serial >= 1 && serial < 60 {
		t = t.AddDate(0, 0, 1)
	}
	return t, nil
}

func timeFromSerial(serial float64, date1904 bool) time.Time {
	days := int(serial)
	// Before 1 March 1900 spreadsheets count Julian days.
	if days <= 61 {
		const offset1900, offset1904, mjd0 = 15018.0, 16480.0, 2400000.5
		if date1904 {
			return julianToTime(mjd0, serial+offset1904)
		}
		return julianToTime(mjd0, serial+offset1900)
	}
	frac := serial - float64(days) + roundEpsilon
	epoch := epoch1900
	if date1904 {
		epoch = epoch1904
	}
	t := epoch.AddDate(0, 0, days).Add(time.Duration(nanosInADay * frac))
	if t.Nanosecond()/1e6 > 500 {
		return t.Round(time.Second)
	}
	return t.Truncate(time.Second)
}

func julianToTime(part1, part2 float64) time.Time {
	i1, f1 := math.Modf(part1)
	i2, f2 := math.Modf(part2)
	days, frac := i1+i2, f1+f2
	switch {
	case -0.5 < frac && frac < 0.5:
		frac += 0.5
	case frac >= 0.5:
		days++
		frac -= 0.5
	case frac <= -0.5:
		days--
		frac += 1.5
	}
	day, month, year := fliegelVanFlandern(int(days))
	h, m, s, ns := fractionOfDay(frac)
	return time.Date(year, time.Month(month), day, h, m, s, ns, time.UTC)
}

// fliegelVanFlandern turns a Julian day number into a Gregorian date.
func fliegelVanFlandern(jd int) (day, month, year int) {
	l := jd + 68569
	n := (4 * l) / 146097
	l = l - (146097*n+3)/4
	i := (4000 * (l + 1)) / 1461001
	l = l - (1461*i)/4 + 31
	j := (80 * l) / 2447
	d := l - (2447*j)/80
	l = j / 11
	m := j + 2 - (12 * l)
	y := 100*(n-49) + i + l
	return d, m, y
}

func fractionOfDay(fraction float64) (hours, minutes, seconds, nanos int) {
	const us, s, day = 1e3, 1e9, 24 * 60 * 60 * 1e9
	f := int64(day*fraction + us/2)
	nanos = int((f%s)/us) * us
	f /= s
	seconds = int(f % 60)
	f /= 60
	minutes = int(f % 60)
	hours = int(f / 60)
	return
}
