using System.Collections.Generic;
using System.Linq;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Fhir.Internal;
using Imuran.ClinicalRules.Fhir.Mapping;
using Imuran.ClinicalRules.Terminology;

namespace Imuran.ClinicalRules.Fhir.Resources;

/// <summary>
/// MedicationRequest and MedicationStatement → a medicine (current or past), or, for azathioprine itself, the
/// therapy status.
/// </summary>
internal static class MedicationMapper
{
    public static void Map(FhirNode resource, ResourceEntry entry, MappingContext context)
    {
        var scope = resource.Scope;
        var isRequest = scope.ResourceType == "MedicationRequest";
        var status = resource.String("status");
        var state = ReadState(status, scope, resource.Path);
        if (state == State.Ignored)
        {
            scope.Ignored(status!);
            return;
        }

        if (VaccineCode(resource, entry, context) is { } vaccine)
        {
            MapVaccine(resource, isRequest, state, status, vaccine, context);
            return;
        }

        if (state == State.Cancelled)
        {
            // A cancelled order counts only for azathioprine (therapy stopped); any other cancelled order is ignored.
            if (Identify(resource, entry, context, out _, out _) is { IsAzathioprine: true } cancelled)
            {
                MapAzathioprine(scope, State.Past, null, cancelled, context);
            }
            else
            {
                scope.Ignored(status!);
            }

            return;
        }

        if (isRequest && resource.String("intent") is "proposal" or "plan" && state == State.Active)
        {
            state = State.Considered;
        }

        if (Identify(resource, entry, context, out var member, out var why) is not { } medicine)
        {
            if (state is State.Active or State.Considered)
            {
                // Unknown is not normal: a current order for a medicine that cannot be identified may be one the rules
                // check (allopurinol, azathioprine itself), so it is a problem of its own, not only an unrecognised entry.
                var what = state == State.Considered ? "a draft or planned" : "a current";
                scope.Problem(
                    MappingProblemCode.MedicineNotIdentified,
                    $"{scope.Label}: {what} {(isRequest ? "medication order" : "medication statement")} whose medicine could not be identified from {member} ({why}), so it was not checked.",
                    resource.Path + "." + member,
                    notYetTaken: state == State.Considered);
            }

            return;
        }

        var start = isRequest
            ? resource.FirstDate("authoredOn", "dispenseRequest.validityPeriod.start")
            : resource.FirstDate("effectivePeriod.start", "effectiveDateTime");

        if (medicine.IsAzathioprine)
        {
            MapAzathioprine(scope, state, start, medicine, context);
            return;
        }

        ClinicalDate? end = isRequest ? null : resource.FirstDate("effectivePeriod.end");
        var active = state != State.Past;
        if (active && end is { } ended && ended < context.EvaluationDate)
        {
            // QA, 2 Dec: "active" with a period that ended passed both on, a contradiction the rules refuse, so the whole
            // input was invalid and no rule ran. Read as current (its interactions are checked), and say so.
            scope.Problem(
                MappingProblemCode.StatusContradictsPeriod,
                $"{scope.Label} is {Echo.Value(status)} but its period ended on {ended}, before the evaluation date; it was read as current, without the end date.",
                resource.Path + ".effectivePeriod.end");
            end = null;
        }

        context.Facts.Medications.Add(new Medication
        {
            Name = medicine.Name,
            RxNormCode = medicine.RxNormCode,
            StartDate = start,
            EndDate = end,
            Active = active,
        });
        var when = state switch
        {
            State.Past => $"history ({Echo.Value(status)})",
            State.Considered => $"active ({Echo.Value(status)}, not yet started)",
            _ => $"active ({Echo.Value(status) ?? "no status"})",
        };
        scope.Used(MappedFact.Medication, $"Medication {medicine.Label}, {when}", medicine.MatchedByText);
    }

    /// <summary>
    /// The vaccine an order or statement names when it is coded with CVX (in medicationCodeableConcept, or the code of
    /// the Medication a medicationReference names): a vaccine ordered as a medicine, read as a vaccination so that the
    /// live-vaccine rule sees it (QA, 2 Dec: an MMR order coded CVX 03 was listed as a medicine not recognised).
    /// </summary>
    private static Concept? VaccineCode(FhirNode resource, ResourceEntry entry, MappingContext context)
    {
        if (resource.Concept("medicationCodeableConcept") is { } concept)
        {
            return concept.Find(Systems.Cvx) is null ? null : concept;
        }

        if (resource.Reference("medicationReference") is { Reference: { } literal }
            && context.Index.Resolve(literal, entry) is { ResourceType: "Medication" } target
            && new FhirNode(target.Resource, target.Path, resource.Scope).Concept("code") is { } code
            && code.Find(Systems.Cvx) is not null)
        {
            context.MarkReferenced(target);
            return code;
        }

        return null;
    }

    /// <summary>
    /// A vaccine order or statement: planned while current (draft, active, on-hold, intended, or no known status),
    /// given once completed or stopped, on the order's date (authoredOn) or the statement's (planned when that date is
    /// after the evaluation date); a cancelled one gives nothing. A stopped order does not say the vaccine was given (a
    /// stopped statement does: taken, then stopped): it is still read as given, the cautious side for the live-vaccine
    /// rule, with a problem meaning incomplete data (stop 28).
    /// </summary>
    private static void MapVaccine(FhirNode resource, bool isRequest, State state, string? status, Concept vaccine, MappingContext context)
    {
        if (state == State.Cancelled)
        {
            resource.Scope.Ignored(status!);
            return;
        }

        var date = isRequest
            ? resource.FirstDate("authoredOn", "dispenseRequest.validityPeriod.start")
            : resource.FirstDate("effectiveDateTime", "effectivePeriod.start");
        // Completed or stopped but dated after the evaluation date: planned, as an Immunization completed on a later date
        // is (a vaccine "given" in the future is refused by the core, and no rule would run).
        var future = date is { } day && day > context.EvaluationDate;
        var given = state == State.Past && !future;
        if (isRequest && status == "stopped")
        {
            var scope = resource.Scope;
            var readAs = future ? $"planned on {date}, its order date, after the evaluation date"
                : date is null ? "given, with no date"
                : $"given on {date}, its order date";
            scope.Problem(
                MappingProblemCode.VaccineOrderStopped,
                $"{scope.Label}: the vaccine order was stopped, so whether it was given, and when, is not known; it was read as {readAs}, the more cautious reading.",
                resource.Path + ".status");
        }

        ImmunizationMapper.AddVaccination(resource.Scope, vaccine, date, given ? VaccinationStatus.Given : VaccinationStatus.Planned, context);
    }

    private static void MapAzathioprine(ResourceScope scope, State state, ClinicalDate? start, Medicine medicine, MappingContext context)
    {
        switch (state)
        {
            case State.Past:
                context.Facts.AddTherapy(TherapyStatus.Stopped, null);
                scope.Used(MappedFact.Therapy, $"azathioprine {medicine.Label} stopped, completed or cancelled: therapy stopped unless another order is active or planned", medicine.MatchedByText);
                return;
            case State.Considered:
                context.Facts.AddTherapy(TherapyStatus.Considering, null);
                scope.Used(MappedFact.Therapy, $"azathioprine {medicine.Label}: draft or proposed order, therapy considered", medicine.MatchedByText);
                return;
        }

        if (start is null)
        {
            scope.Problem(
                MappingProblemCode.TherapyStartUnknown,
                $"{scope.Label}: azathioprine is active but has no start date (authoredOn or effective[x]); therapy was taken as continuing.");
        }

        var status = FactsBuilder.ActiveStatus(start, context.EvaluationDate);
        context.Facts.AddTherapy(status, start);
        var since = start is null ? "start unknown" : $"since {start}";
        scope.Used(MappedFact.Therapy, $"azathioprine {medicine.Label} active, {since}: {status}", medicine.MatchedByText);
    }

    /// <summary>What the order or statement is for: from medicationCodeableConcept, or the Medication a reference names.</summary>
    /// <remarks>
    /// When it gives none, <paramref name="member"/> is the member concerned (<c>medicationCodeableConcept</c>,
    /// <c>medicationReference</c> or <c>medication[x]</c>) and <paramref name="why"/> says why, without echoing any text.
    /// </remarks>
    private static Medicine? Identify(FhirNode resource, ResourceEntry entry, MappingContext context, out string member, out string why)
    {
        var scope = resource.Scope;
        member = "medicationCodeableConcept";
        why = "it has neither an RxNorm code nor a name that could be read";
        if (resource.Concept("medicationCodeableConcept") is { } concept)
        {
            return Medicine.From(concept, new List<Concept>(), scope);
        }

        if (resource.Reference("medicationReference") is not { } reference)
        {
            (member, why) = resource.Has("medicationCodeableConcept") ? ("medicationCodeableConcept", "medicationCodeableConcept is not a CodeableConcept object")
                : resource.Has("medicationReference") ? ("medicationReference", "medicationReference is not a Reference object")
                : ("medication[x]", "it has no medicationCodeableConcept or medicationReference");
            scope.Unrecognised(UnrecognisedReason.ValueNotRecognised, $"{scope.Label} names no medicine (no medicationCodeableConcept or medicationReference).");
            return null;
        }

        member = "medicationReference";
        why = $"medicationReference '{Echo.Value(reference.Reference) ?? "(no reference)"}' names no Medication with a code or ingredient the reader could read, and has no display";

        if (reference.Reference is { } literal && context.Index.Resolve(literal, entry) is { ResourceType: "Medication" } target)
        {
            context.MarkReferenced(target);
            var medication = new FhirNode(target.Resource, target.Path, scope);
            var ingredients = medication.Array("ingredient")
                .Select(i => i.Concept("itemCodeableConcept"))
                .Where(c => c is not null)
                .Select(c => c!)
                .ToList();
            var code = medication.Concept("code");
            if (code is not null || ingredients.Count > 0)
            {
                return Medicine.From(code, ingredients, scope, reference.Display);
            }
        }

        if (reference.Display is { } display)
        {
            return Medicine.FromText(display, scope);
        }

        scope.Unrecognised(
            UnrecognisedReason.ValueNotRecognised,
            $"{scope.Label}: medicationReference '{Echo.Value(reference.ToString())}' could not be resolved to a coded Medication in the payload and has no display.");
        return null;
    }

    private static State ReadState(string? status, ResourceScope scope, string path)
    {
        switch (status)
        {
            case "active":
            case "on-hold":
                return State.Active;
            case "draft":
            case "intended":
                return State.Considered;
            case "completed":
            case "stopped":
                return State.Past;
            case "cancelled":
                return State.Cancelled;
            case "entered-in-error":
            case "not-taken":
                return State.Ignored;
        }

        var what = status is null ? "has no status" : $"has status '{Echo.Value(status)}'";
        scope.Problem(
            MappingProblemCode.StatusUnknown,
            $"{scope.Label} {what}; it was read as active, to stay on the safe side.",
            path + ".status");
        return State.Active;
    }

    private enum State
    {
        Cancelled,
        Active,
        Considered,
        Past,
        Ignored,
    }

    /// <summary>The medicine a resource names: its name, RxNorm code and whether it is azathioprine.</summary>
    private sealed class Medicine
    {
        /// <summary>The ingredient name <see cref="RxNormIngredients"/> gives for azathioprine codes.</summary>
        private const string AzathioprineIngredient = "azathioprine";

        private Medicine(string? name, string? rxNormCode, bool isAzathioprine, bool matchedByText, Recognised? recognised = null)
        {
            RecognisedBy = recognised;
            Name = name;
            RxNormCode = rxNormCode;
            IsAzathioprine = isAzathioprine;
            MatchedByText = matchedByText;
        }

        public string? Name { get; }

        public string? RxNormCode { get; }

        public bool IsAzathioprine { get; }

        public bool MatchedByText { get; }

        /// <summary>The RxNorm coding (ingredient or product) that identified the medicine, and its ingredient.</summary>
        public Recognised? RecognisedBy { get; }

        /// <summary>How the medicine was identified, for the mapping report: e.g. <c>RxNorm 197388, mapped to ingredient azathioprine</c>.</summary>
        public string Recognition => RecognisedBy is { } r
            ? $"RxNorm {r.Coding.Code}, mapped to ingredient {r.Ingredient}"
            : RxNormCode is null ? "no RxNorm code" : "RxNorm " + RxNormCode;

        /// <summary>The name (if any) with how it was identified, e.g. <c>'Imuran 50 mg' (RxNorm 197388, mapped to ingredient azathioprine)</c>.</summary>
        public string Label => Name is null ? $"({Recognition})" : $"'{Echo.Medicine(Name)}' ({Recognition})";

        public static Medicine FromText(string display, ResourceScope scope)
        {
            var texts = new[] { display };
            var isAzathioprine = NamesAzathioprine(texts);
            ReportSeveralNamed(texts, isAzathioprine ? AzathioprineIngredient : null, scope);
            return new(display, null, isAzathioprine, matchedByText: true);
        }

        /// <summary>
        /// From the product code and its ingredients. A product not coded in RxNorm carries its ingredients' names, so
        /// that the core can still recognise them by name.
        /// </summary>
        public static Medicine? From(Concept? code, List<Concept> ingredients, ResourceScope scope, string? fallbackName = null)
        {
            var all = new List<Concept>(ingredients);
            if (code is not null)
            {
                all.Insert(0, code);
            }

            var rxNorm = code?.Find(Systems.RxNorm);
            var name = code?.Name(rxNorm) ?? fallbackName;
            if (rxNorm is null && ingredients.Count > 0)
            {
                var names = ingredients.Select(i => i.Name(i.Find(Systems.RxNorm))).Where(n => n is not null).ToList();
                if (names.Count > 0)
                {
                    name = name is null ? string.Join("; ", names) : $"{name} ({string.Join("; ", names)})";
                }

                if (ingredients.Count == 1)
                {
                    rxNorm = ingredients[0].Find(Systems.RxNorm);
                }
            }

            // One truth with the rules: what an RxNorm code is (ingredient, or clinical or branded drug mapped to its
            // ingredient) comes from the core's table. Any coding of the product or an ingredient that maps to
            // azathioprine makes it azathioprine; otherwise the first recognised coding names the ingredient.
            var recognised = Recognise(all.SelectMany(c => c.Codings));
            var isAzathioprine = recognised is { Ingredient: AzathioprineIngredient };
            var byText = false;
            if (!isAzathioprine && NamesAzathioprine(all.SelectMany(c => c.Texts())))
            {
                isAzathioprine = true;
                byText = true;
                recognised = null;
            }

            if (name is null && rxNorm is null)
            {
                scope.Unrecognised(
                    UnrecognisedReason.CodeNotRecognised,
                    $"{scope.Label}: the medicine has neither an RxNorm code nor a name ({code?.ToString() ?? "no code"}).");
                return null;
            }

            // The code passed on to the rules: the first RxNorm coding, unless it is unknown and another coding of the
            // same concept is known (e.g. a local code first, the RxNorm clinical drug second).
            var source = code?.Find(Systems.RxNorm) is not null ? code : ingredients.Count == 1 ? ingredients[0] : null;
            if (source is not null && !RxNormIngredients.TryGetIngredient(rxNorm?.Code, out _) && Recognise(source.Codings) is { } known)
            {
                rxNorm = known.Coding;
            }

            // The report names the code and its ingredient only for azathioprine or for the code passed on (a product of
            // several ingredients without an RxNorm code of its own is passed on by its ingredients' names).
            if (!isAzathioprine && recognised?.Coding.Code != rxNorm?.Code)
            {
                recognised = null;
            }

            var readAs = isAzathioprine ? AzathioprineIngredient
                : RxNormIngredients.TryGetIngredient(rxNorm?.Code, out var byCode) ? byCode
                : MedicineNames.TryGetIngredient(name, out var byName) ? byName
                : null;
            ReportSeveralNamed(all.SelectMany(c => c.Texts()), readAs, scope);
            return new Medicine(name, rxNorm?.Code, isAzathioprine, byText || (rxNorm is null && !isAzathioprine && IsNameOnly(all)), recognised);
        }

        /// <summary>
        /// Whether a text names azathioprine as the rules read a name: as the first medicine it names. An allopurinol
        /// order whose text goes on to mention azathioprine is allopurinol (before 2 Dec any mention made it azathioprine,
        /// and the allopurinol was lost).
        /// </summary>
        private static bool NamesAzathioprine(IEnumerable<string?> texts) =>
            texts.Any(t => MedicineNames.TryGetIngredient(t, out var ingredient) && ingredient == AzathioprineIngredient);

        /// <summary>
        /// Reports, once, a text that names more than one medicine the rules know: the order is ambiguous, and only one
        /// medicine is read from it. The report names the medicines, not the text (which may carry a dose).
        /// </summary>
        private static void ReportSeveralNamed(IEnumerable<string?> texts, string? readAs, ResourceScope scope)
        {
            foreach (var text in texts)
            {
                var named = MedicineNames.Ingredients(text);
                if (named.Count > 1)
                {
                    var read = readAs is null ? "the first one it names" : readAs;
                    scope.Problem(
                        MappingProblemCode.SeveralMedicinesNamed,
                        $"{scope.Label}: the medicine's name names {named.Count} medicines ({string.Join(", ", named)}); the order was read as {read}, and the rules check each medicine the name passed on to them names.");
                    return;
                }
            }
        }

        /// <summary>The azathioprine coding if there is one, else the first RxNorm coding the rules' table knows.</summary>
        private static Recognised? Recognise(IEnumerable<Coding> codings)
        {
            Recognised? first = null;
            foreach (var coding in codings)
            {
                if (coding.Code is null || !string.Equals(coding.System, Systems.RxNorm, System.StringComparison.Ordinal)
                    || !RxNormIngredients.TryGetIngredient(coding.Code, out var ingredient))
                {
                    continue;
                }

                if (ingredient == AzathioprineIngredient)
                {
                    return new Recognised(coding, ingredient);
                }

                first ??= new Recognised(coding, ingredient);
            }

            return first;
        }

        private static bool IsNameOnly(List<Concept> concepts) => concepts.All(c => c.Codings.All(coding => coding.Code is null));
    }

    /// <summary>An RxNorm coding the rules' table knows, and the ingredient it maps to.</summary>
    private sealed record Recognised(Coding Coding, string Ingredient);
}
