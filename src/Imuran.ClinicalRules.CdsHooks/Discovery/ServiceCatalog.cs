using System;
using System.Collections.Generic;
using System.Linq;
using Imuran.ClinicalRules.CdsHooks.Contract;

namespace Imuran.ClinicalRules.CdsHooks.Discovery;

/// <summary>One service: its id, hook, texts and prefetch templates.</summary>
internal sealed record ServiceDefinition(string Id, string Hook, HookKind Kind, string Title, string Description);

/// <summary>The services offered and the prefetch they ask for. Immutable once built.</summary>
internal sealed class ServiceCatalog
{
    /// <summary>The prefetch key of the Patient read; without it no evaluation is possible.</summary>
    public const string PatientKey = "patient";

    /// <summary>The prefetch key of the medication orders; with <see cref="MedicationStatementsKey"/>, what tells patient-view whether the patient takes azathioprine.</summary>
    public const string MedicationRequestsKey = "medicationRequests";

    /// <summary>The prefetch key of the medication statements.</summary>
    public const string MedicationStatementsKey = "medicationStatements";

    /// <summary>
    /// What every service asks the EHR to prefetch. The same keys are fetched from <c>fhirServer</c> when missing.
    /// Searches are for this patient only; the reader judges status and dates itself.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> PrefetchTemplates = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [PatientKey] = "Patient/{{context.patientId}}",
        // _include brings the Medication a medicationReference names (stop 28: without it an order by reference could
        // not be identified, and patient-view could not tell whether the patient takes azathioprine).
        [MedicationRequestsKey] = "MedicationRequest?patient={{context.patientId}}&status=active,on-hold,draft&_include=MedicationRequest:medication",
        [MedicationStatementsKey] = "MedicationStatement?patient={{context.patientId}}&status=active,intended,on-hold&_include=MedicationStatement:medication",
        ["conditions"] = "Condition?patient={{context.patientId}}",
        ["allergies"] = "AllergyIntolerance?patient={{context.patientId}}",
        ["labs"] = "Observation?patient={{context.patientId}}&category=laboratory&_sort=-date&_count=200",
        ["pgx"] = "Observation?patient={{context.patientId}}&code=http://loinc.org|84413-4,http://loinc.org|53040-2,http://loinc.org|79713-4,http://snomed.info/sct|363779003",

        // Without it no recent live vaccine is ever seen (AZA-VAC-001); missing, the cards say immunizations were not had.
        ["immunizations"] = "Immunization?patient={{context.patientId}}",
    };

    private const string UsageRequirements =
        "Needs the patient's demographics, active medication orders and statements, conditions, allergies, laboratory results, TPMT/NUDT15 results and immunizations, "
        + "as prefetch or through fhirServer with an access token granting read access to them. Findings computed without some of these say which data were missing.";

    private readonly Dictionary<string, ServiceDefinition> _byId;

    public ServiceCatalog(string prefix)
    {
        Services = new[]
        {
            new ServiceDefinition($"{prefix}-patient-view", "patient-view", HookKind.PatientView, "Azathioprine safety review",
                "When the chart of a patient who takes azathioprine is opened: cautions and monitoring prompts (TPMT/NUDT15, interactions, blood counts, liver, infection, malignancy, pregnancy) for a clinician to review. No dosing advice."),
            new ServiceDefinition($"{prefix}-order-select", "order-select", HookKind.OrderSelect, "Azathioprine order check (select)",
                "When an order is selected and azathioprine is in the draft or the active orders: cautions and monitoring prompts for the prescriber, including a live vaccine ordered for a patient on azathioprine. A draft without a medication or vaccine gets no cards. No dosing advice."),
            new ServiceDefinition($"{prefix}-order-sign", "order-sign", HookKind.OrderSign, "Azathioprine order check (sign)",
                "Before orders are signed, when azathioprine is in the draft or the active orders: cautions and monitoring prompts for the prescriber, including a live vaccine ordered for a patient on azathioprine. No dosing advice."),
            new ServiceDefinition($"{prefix}-medication-prescribe", "medication-prescribe", HookKind.MedicationPrescribe, "Azathioprine medication check",
                "Medication check for EHRs still sending medication-prescribe: the order may come as context.medications or context.draftOrders. No dosing advice."),
            new ServiceDefinition($"{prefix}-medication-verify", "medication-verify", HookKind.MedicationVerify, "Azathioprine verification check",
                "For pharmacist verification of a signed order (context.medication or context.order), when azathioprine is in it or in the active orders. No dosing advice."),
        };
        _byId = Services.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Discovery = new DiscoveryResponse(Services.Select(s => new ServiceDescriptor
        {
            Hook = s.Hook,
            Id = s.Id,
            Title = s.Title,
            Description = s.Description,
            Prefetch = PrefetchTemplates,
            UsageRequirements = UsageRequirements,
        }).ToArray());
    }

    public IReadOnlyList<ServiceDefinition> Services { get; }

    public DiscoveryResponse Discovery { get; }

    public ServiceDefinition? Find(string id) => _byId.TryGetValue(id, out var service) ? service : null;
}
