namespace Imuran.ClinicalRules.Facts;

/// <summary>Where the patient stands with azathioprine. Numeric values are stable.</summary>
public enum TherapyStatus
{
    /// <summary>Not recorded. Rules that need it treat it as unknown, never as "not on therapy".</summary>
    Unknown = 0,

    /// <summary>Azathioprine is being considered and has not started.</summary>
    Considering = 1,

    /// <summary>Azathioprine started recently (see <see cref="AzathioprineTherapy.StartDate"/>).</summary>
    NewlyStarted = 2,

    /// <summary>Azathioprine has been taken for some time.</summary>
    Continuing = 3,

    /// <summary>
    /// Azathioprine has stopped (FHIR: an azathioprine order stopped, completed or cancelled, and no active one). Pre-start
    /// prompts and the monitoring schedule end; the INR check around stopping stays; interaction cautions no longer fire,
    /// as there is no azathioprine to interact with (a restart is "considering" again).
    /// </summary>
    Stopped = 4,
}
