using System;
using System.Globalization;
using System.Threading;

namespace Imuran.ClinicalRules.Facts;

/// <summary>
/// A calendar date with no time of day and no time zone: the date of a test, a prescription or an evaluation.
/// Stored as a day number, so comparisons and day arithmetic are exact and cheap.
/// </summary>
/// <remarks>
/// The library targets .NET Standard 2.0 hosts, which have no <c>DateOnly</c>; this type plays that part.
/// Its text form is ISO 8601 <c>yyyy-MM-dd</c>. It is immutable and thread-safe.
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Imuran.ClinicalRules.Serialization.ClinicalDateJsonConverter))]
public readonly struct ClinicalDate : IEquatable<ClinicalDate>, IComparable<ClinicalDate>
{
    private static readonly DateTime Epoch = new(1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private ClinicalDate(int dayNumber) => DayNumber = dayNumber;

    /// <summary>Days since 0001-01-01 (day 0).</summary>
    public int DayNumber { get; }

    /// <summary>The calendar year.</summary>
    public int Year => ToDateTime().Year;

    /// <summary>The calendar month, 1 to 12.</summary>
    public int Month => ToDateTime().Month;

    /// <summary>The day of the month, 1 to 31.</summary>
    public int Day => ToDateTime().Day;

    /// <summary>Creates a date from its parts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The parts do not form a calendar date.</exception>
    public ClinicalDate(int year, int month, int day)
        : this((int)(new DateTime(year, month, day) - Epoch).TotalDays)
    {
    }

    /// <summary>The date part of <paramref name="value"/>; its time of day and kind are ignored.</summary>
    public static ClinicalDate FromDateTime(DateTime value) => new((int)(value.Date - Epoch).TotalDays);

    /// <summary>This date at midnight, with <see cref="DateTimeKind.Unspecified"/>.</summary>
    public DateTime ToDateTime() => Epoch.AddDays(DayNumber);

    /// <summary>The date <paramref name="days"/> days later (earlier when negative).</summary>
    public ClinicalDate AddDays(int days) => new(DayNumber + days);

    /// <summary>The date <paramref name="months"/> calendar months later, clamped to the month's last day.</summary>
    public ClinicalDate AddMonths(int months) => FromDateTime(ToDateTime().AddMonths(months));

    /// <summary>Whole days from this date to <paramref name="later"/> (negative when it is earlier).</summary>
    public int DaysUntil(ClinicalDate later) => later.DayNumber - DayNumber;

    /// <summary>Age in completed years on <paramref name="onDate"/> of someone born on this date.</summary>
    public int YearsUntil(ClinicalDate onDate)
    {
        var birth = ToDateTime();
        var on = onDate.ToDateTime();
        var years = on.Year - birth.Year;
        if (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day))
        {
            years--;
        }

        return years;
    }

    /// <summary>Parses an ISO 8601 calendar date, <c>yyyy-MM-dd</c>.</summary>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid date.</returns>
    public static bool TryParse(string? text, out ClinicalDate date)
    {
        // The usual form, ASCII digits as yyyy-MM-dd, is read by hand; anything else goes to DateTime's parser.
        if (text is { Length: 10 } && text[4] == '-' && text[7] == '-'
            && Digits(text, 0, 4) is var year and >= 0 && Digits(text, 5, 2) is var month and >= 0 && Digits(text, 8, 2) is var day and >= 0)
        {
            if (year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                date = new ClinicalDate(year, month, day);
                return true;
            }

            date = default;
            return false;
        }

        if (text is not null
            && text.Length == 10
            && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = FromDateTime(parsed);
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>The number written by <paramref name="count"/> ASCII digits at <paramref name="start"/>, or -1.</summary>
    private static int Digits(string text, int start, int count)
    {
        var n = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (c < '0' || c > '9')
            {
                return -1;
            }

            n = (n * 10) + (c - '0');
        }

        return n;
    }

    /// <summary>Parses an ISO 8601 calendar date, <c>yyyy-MM-dd</c>.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not such a date.</exception>
    public static ClinicalDate Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not a date in the form yyyy-MM-dd.");

    /// <inheritdoc />
    public bool Equals(ClinicalDate other) => DayNumber == other.DayNumber;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ClinicalDate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => DayNumber;

    /// <inheritdoc />
    public int CompareTo(ClinicalDate other) => DayNumber.CompareTo(other.DayNumber);

    /// <summary>The ISO 8601 form, <c>yyyy-MM-dd</c>.</summary>
    /// <remarks>Findings quote the same few dates over and over, so recent texts are remembered (thread-safe).</remarks>
    public override string ToString()
    {
        var slot = DayNumber & (TextCache.Length - 1);
        var cached = Volatile.Read(ref TextCache[slot]);
        if (cached is not null && cached.DayNumber == DayNumber)
        {
            return cached.Text;
        }

        var text = ToDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Volatile.Write(ref TextCache[slot], new DateText(DayNumber, text));
        return text;
    }

    /// <summary>A direct-mapped cache of date texts by day number: about five and a half years without collision.</summary>
    private static readonly DateText?[] TextCache = new DateText?[2048];

    private sealed class DateText
    {
        public DateText(int dayNumber, string text)
        {
            DayNumber = dayNumber;
            Text = text;
        }

        public int DayNumber { get; }

        public string Text { get; }
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(ClinicalDate left, ClinicalDate right) => left.DayNumber == right.DayNumber;

    /// <summary>Inequality.</summary>
    public static bool operator !=(ClinicalDate left, ClinicalDate right) => left.DayNumber != right.DayNumber;

    /// <summary>Earlier than.</summary>
    public static bool operator <(ClinicalDate left, ClinicalDate right) => left.DayNumber < right.DayNumber;

    /// <summary>Later than.</summary>
    public static bool operator >(ClinicalDate left, ClinicalDate right) => left.DayNumber > right.DayNumber;

    /// <summary>Not later than.</summary>
    public static bool operator <=(ClinicalDate left, ClinicalDate right) => left.DayNumber <= right.DayNumber;

    /// <summary>Not earlier than.</summary>
    public static bool operator >=(ClinicalDate left, ClinicalDate right) => left.DayNumber >= right.DayNumber;
}
