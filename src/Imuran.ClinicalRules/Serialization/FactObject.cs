using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Imuran.ClinicalRules.Serialization;

/// <summary>
/// One object of the patient-facts contract: the record it is read into and its members, in the order they are
/// written. <see cref="PatientFactsSchema"/> builds one per record; the message reader, the fast reader and the
/// writer all walk it. Built once at start-up, then only read (thread-safe).
/// </summary>
/// <typeparam name="T">The record.</typeparam>
internal sealed class FactObject<T> : IFactObject
    where T : class
{
    private readonly Func<T> _create;
    private readonly T _defaults;
    private FactMember<T>[] _members = Array.Empty<FactMember<T>>();
    private FactMember<T>[] _readOrder = Array.Empty<FactMember<T>>();
    private string[] _names = Array.Empty<string>();
    private ulong _required;

    public FactObject(Func<T> create)
    {
        _create = create;
        _defaults = create();
    }

    public Type RecordType => typeof(T);

    public IReadOnlyList<IFactMember> Members => _members;

    /// <summary>A text member.</summary>
    public FactObject<T> Text(string property) => Add(new TextMember<T>(property));

    /// <summary>An optional date member.</summary>
    public FactObject<T> Date(string property) => Add(new DateMember<T>(property));

    /// <summary>The required evaluation date.</summary>
    public FactObject<T> EvaluationDate(string property) => Add(new EvaluationDateMember<T>(property));

    /// <summary>A true/false member with the record's default.</summary>
    public FactObject<T> Boolean(string property) => Add(new BooleanMember<T>(property));

    /// <summary>A true/false member that may be unrecorded.</summary>
    public FactObject<T> OptionalBoolean(string property) => Add(new OptionalBooleanMember<T>(property));

    /// <summary>A required number.</summary>
    public FactObject<T> Number(string property) => Add(new NumberMember<T>(property));

    /// <summary>An optional number.</summary>
    public FactObject<T> OptionalNumber(string property) => Add(new OptionalNumberMember<T>(property));

    /// <summary>An enum with the record's default.</summary>
    public FactObject<T> Enum<TEnum>(string property)
        where TEnum : struct, Enum
        => Add(new EnumMember<T, TEnum>(property));

    /// <summary>An enum that may be absent.</summary>
    public FactObject<T> OptionalEnum<TEnum>(string property)
        where TEnum : struct, Enum
        => Add(new OptionalEnumMember<T, TEnum>(property));

    /// <summary>A required enum.</summary>
    public FactObject<T> RequiredEnum<TEnum>(string property)
        where TEnum : struct, Enum
        => Add(new RequiredEnumMember<T, TEnum>(property));

    /// <summary>A list of enum names.</summary>
    public FactObject<T> EnumList<TEnum>(string property)
        where TEnum : struct, Enum
        => Add(new EnumListMember<T, TEnum>(property));

    /// <summary>A nested object described by <paramref name="schema"/>.</summary>
    public FactObject<T> Object<TItem>(string property, FactObject<TItem> schema)
        where TItem : class
        => Add(new ObjectMember<T, TItem>(property, schema));

    /// <summary>A list of objects described by <paramref name="schema"/>.</summary>
    public FactObject<T> ObjectList<TItem>(string property, FactObject<TItem> schema)
        where TItem : class
        => Add(new ObjectListMember<T, TItem>(property, schema));

    /// <summary>A member that is allowed and never read (<c>$schema</c>).</summary>
    public FactObject<T> Ignored(string name) => Add(new IgnoredMember<T>(name));

    /// <summary>Reads the object, recording a problem with its path for every unknown, repeated or bad member.</summary>
    public T ReadWithProblems(ObjectReader r)
    {
        r.Known(_names);
        var target = _create();
        foreach (var member in _readOrder)
        {
            member.ReadWithProblems(r, target);
        }

        return target;
    }

    /// <summary>
    /// Reads the object at the reader's <c>StartObject</c> token up to its <c>EndObject</c>; false for anything
    /// irregular (an unknown, escaped or repeated member name, a null, a bad value, a missing required member).
    /// </summary>
    public bool TryReadFast(ref Utf8JsonReader r, out T? value)
    {
        value = null;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var target = _create();
        ulong seen = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var i = IndexOf(ref r, ref seen);
            if (i < 0 || !r.Read() || r.TokenType == JsonTokenType.Null || !_members[i].TryReadFast(ref r, target))
            {
                return false;
            }
        }

        if (r.TokenType != JsonTokenType.EndObject || (seen & _required) != _required)
        {
            return false;
        }

        value = target;
        return true;
    }

    /// <summary>
    /// Whether <paramref name="source"/> differs from a freshly made record (by record equality), so writing it says
    /// something; an object equal to the default is left out, and a reader gives it back as the default.
    /// </summary>
    public bool HasContent(T source) => !EqualityComparer<T>.Default.Equals(source, _defaults);

    /// <summary>Writes <paramref name="source"/> as one JSON object, leaving out members that hold a reader's default.</summary>
    public void Write(Utf8JsonWriter w, T source)
    {
        w.WriteStartObject();
        foreach (var member in _members)
        {
            member.Write(w, source);
        }

        w.WriteEndObject();
    }

    private FactObject<T> Add(FactMember<T> member)
    {
        if (_members.Length == 64)
        {
            throw new InvalidOperationException("An object of the contract has at most 64 members (the readers keep a 64-bit mask of the members seen).");
        }

        if (_members.Any(m => m.Name == member.Name))
        {
            throw new InvalidOperationException($"{typeof(T).Name} describes the member {member.Name} twice.");
        }

        member.Bind(_defaults);
        _members = _members.Append(member).ToArray();
        _names = _members.Select(m => m.Name).ToArray();
        _readOrder = _members.Where(m => m.ReadFirst).Concat(_members.Where(m => !m.ReadFirst)).ToArray();
        if (member.Required)
        {
            _required |= 1UL << (_members.Length - 1);
        }

        return this;
    }

    /// <summary>The index of the current member name; -1 when unknown, escaped or repeated.</summary>
    private int IndexOf(ref Utf8JsonReader r, ref ulong seen)
    {
        if (r.ValueIsEscaped)
        {
            return -1;
        }

        var name = r.ValueSpan;
        for (var i = 0; i < _members.Length; i++)
        {
            if (name.SequenceEqual(_members[i].Utf8Name))
            {
                var bit = 1UL << i;
                if ((seen & bit) != 0)
                {
                    return -1;
                }

                seen |= bit;
                return i;
            }
        }

        return -1;
    }
}
