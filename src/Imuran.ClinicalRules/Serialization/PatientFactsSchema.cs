using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Serialization;

/// <summary>
/// The patient-facts JSON contract, stated once: every object, every member (its name is the property's name in
/// camelCase), its JSON kind and whether it is required, in the order members are written. The reader that writes
/// problems (<see cref="PatientFactsJson.Read(string)"/>), the fast UTF-8 reader (<see cref="Utf8PatientFactsReader"/>)
/// and the writer (<see cref="PatientFactsJsonWriter"/>) all walk this table, so they cannot drift apart.
/// </summary>
/// <remarks>
/// To add a fact: add the property to its record (Facts/Records.cs) and one line here. How each kind is read,
/// written and left out is in FactMemberKinds.cs; checks across facts belong to Validation/PatientFactsValidation.cs.
/// </remarks>
internal static class PatientFactsSchema
{
    /// <summary>Azathioprine therapy (<c>therapy</c>).</summary>
    public static readonly FactObject<AzathioprineTherapy> Therapy = new FactObject<AzathioprineTherapy>(() => new AzathioprineTherapy())
        .Enum<TherapyStatus>(nameof(AzathioprineTherapy.Status))
        .Date(nameof(AzathioprineTherapy.StartDate))
        .Date(nameof(AzathioprineTherapy.LastRegimenChange));

    /// <summary>One TPMT or NUDT15 result (<c>pharmacogenomics[i]</c>).</summary>
    public static readonly FactObject<PharmacogenomicResult> Pharmacogenomic = new FactObject<PharmacogenomicResult>(() => new PharmacogenomicResult())
        .RequiredEnum<Gene>(nameof(PharmacogenomicResult.Gene))
        .OptionalEnum<MetabolizerPhenotype>(nameof(PharmacogenomicResult.Phenotype))
        .Text(nameof(PharmacogenomicResult.Diplotype))
        .Enum<TestMethod>(nameof(PharmacogenomicResult.Method))
        .Date(nameof(PharmacogenomicResult.Date));

    /// <summary>One medicine (<c>medications[i]</c>).</summary>
    public static readonly FactObject<Medication> Medication = new FactObject<Medication>(() => new Medication())
        .Text(nameof(Facts.Medication.Name))
        .Text(nameof(Facts.Medication.RxNormCode))
        .Date(nameof(Facts.Medication.StartDate))
        .Date(nameof(Facts.Medication.EndDate))
        .Boolean(nameof(Facts.Medication.Active));

    /// <summary>One allergy (<c>allergies[i]</c>).</summary>
    public static readonly FactObject<Allergy> Allergy = new FactObject<Allergy>(() => new Allergy())
        .Text(nameof(Facts.Allergy.Substance))
        .Text(nameof(Facts.Allergy.RxNormCode));

    /// <summary>One condition (<c>conditions[i]</c>).</summary>
    public static readonly FactObject<Condition> Condition = new FactObject<Condition>(() => new Condition())
        .Text(nameof(Facts.Condition.Name))
        .Text(nameof(Facts.Condition.Code))
        .Text(nameof(Facts.Condition.CodeSystem))
        .OptionalEnum<ConditionKind>(nameof(Facts.Condition.Kind))
        .Enum<ConditionStatus>(nameof(Facts.Condition.Status))
        .Date(nameof(Facts.Condition.Onset));

    /// <summary>One laboratory result (<c>labResults[i]</c>).</summary>
    public static readonly FactObject<LabResult> LabResult = new FactObject<LabResult>(() => new LabResult())
        .OptionalEnum<LabKind>(nameof(Facts.LabResult.Kind))
        .Text(nameof(Facts.LabResult.LoincCode))
        .Text(nameof(Facts.LabResult.Name))
        .Number(nameof(Facts.LabResult.Value))
        .Text(nameof(Facts.LabResult.Unit))
        .Date(nameof(Facts.LabResult.Date))
        .Enum<LabFlag>(nameof(Facts.LabResult.Flag))
        .OptionalNumber(nameof(Facts.LabResult.UpperReferenceLimit));

    /// <summary>One vaccine (<c>vaccinations[i]</c>).</summary>
    public static readonly FactObject<Vaccination> Vaccination = new FactObject<Vaccination>(() => new Vaccination())
        .Text(nameof(Facts.Vaccination.CvxCode))
        .Text(nameof(Facts.Vaccination.Name))
        .Date(nameof(Facts.Vaccination.Date))
        .Enum<VaccinationStatus>(nameof(Facts.Vaccination.Status));

    /// <summary>The document: one patient's facts.</summary>
    public static readonly FactObject<PatientFacts> Root = new FactObject<PatientFacts>(() => new PatientFacts())
        .Ignored("$schema")
        .Text(nameof(PatientFacts.PatientId))
        .EvaluationDate(nameof(PatientFacts.EvaluationDate))
        .Date(nameof(PatientFacts.BirthDate))
        .Enum<Sex>(nameof(PatientFacts.Sex))
        .Object(nameof(PatientFacts.Therapy), Therapy)
        .Enum<CareSetting>(nameof(PatientFacts.Setting))
        .EnumList<Indication>(nameof(PatientFacts.Indications))
        .ObjectList(nameof(PatientFacts.Pharmacogenomics), Pharmacogenomic)
        .Date(nameof(PatientFacts.LastRedCellTransfusion))
        .Enum<PregnancyStatus>(nameof(PatientFacts.PregnancyStatus))
        .Date(nameof(PatientFacts.PregnancyStatusDate))
        .Boolean(nameof(PatientFacts.PruritusInPregnancy))
        .Boolean(nameof(PatientFacts.RaisedBileAcids))
        .Boolean(nameof(PatientFacts.SuspectedCholestasisOfPregnancy))
        .OptionalBoolean(nameof(PatientFacts.Breastfeeding))
        .Date(nameof(PatientFacts.BreastfeedingDate))
        .Boolean(nameof(PatientFacts.PlannedConception))
        .ObjectList(nameof(PatientFacts.Medications), Medication)
        .ObjectList(nameof(PatientFacts.Allergies), Allergy)
        .ObjectList(nameof(PatientFacts.Conditions), Condition)
        .ObjectList(nameof(PatientFacts.LabResults), LabResult)
        .ObjectList(nameof(PatientFacts.Vaccinations), Vaccination)
        .EnumList<NeurologicalSign>(nameof(PatientFacts.NewNeurologicalSigns));
}
