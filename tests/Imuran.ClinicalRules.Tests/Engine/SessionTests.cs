using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Findings;
using static Imuran.ClinicalRules.Engine.RuleBuilder;

namespace Imuran.ClinicalRules.Tests.Engine;

public class SessionTests
{
    private sealed class Person
    {
        public Person(string name, int age) => (Name, Age) = (name, age);

        public string Name { get; }

        public int Age { get; }
    }

    private sealed class Order
    {
        public Order(string owner) => Owner = owner;

        public string Owner { get; }
    }

    private sealed class Flag
    {
        public Flag(string name) => Name = name;

        public string Name { get; }
    }

    private static RuleBuilder Finding(string id, Severity severity = Severity.Info) =>
        Rule(id).Title("t " + id).Topic(Topics.Tpmt).Caution(severity).Logic("logic").Summary("summary " + id).Review("review")
            .Source("doc", "section", Confidence.Verified);

    private static Session Run(IEnumerable<RuleDefinition> rules, params object[] facts)
    {
        var compiled = CompiledRules.Compile(rules, new RuleSetPolicy());
        var session = new Session(compiled);
        foreach (var f in facts)
        {
            session.Insert(f);
        }

        session.Fire();
        return session;
    }

    [Fact]
    public void Fire_PerMatchRule_FiresOncePerMatchingFact()
    {
        var rule = Finding("AZA-TST-001").Match<Person>("adult", p => p.Age >= 18).Then(f => f.Raise(new[] { new BasisFact("name", f.Get<Person>(0).Name) }));

        var session = Run(new[] { rule }, new Person("a", 20), new Person("b", 10), new Person("c", 30));

        session.Findings.Select(f => f.Basis.Facts[0].Value).Should().Equal("a", "c");
    }

    [Fact]
    public void Fire_JoinAcrossFactTypes_BindsMatchingPairsOnly()
    {
        var rule = Finding("AZA-TST-001")
            .Match<Person>("a person")
            .Match<Order>("their order", (o, b) => o.Owner == b.Get<Person>(0).Name)
            .Then(f => f.Raise(new[] { new BasisFact("pair", f.Get<Person>(0).Name + ":" + f.Get<Order>(1).Owner) }));

        var session = Run(new[] { rule }, new Person("a", 1), new Person("b", 1), new Order("b"), new Order("z"));

        session.Findings.Should().ContainSingle().Which.Basis.Facts[0].Value.Should().Be("b:b");
    }

    [Fact]
    public void Fire_NegatedCondition_FiresOnlyWhenNoFactMatches()
    {
        var rule = Finding("AZA-TST-001").Match<Person>("a person").Not<Order>("with no order", (o, b) => o.Owner == b.Get<Person>(0).Name)
            .Then(f => f.Raise(new[] { new BasisFact("name", f.Get<Person>(0).Name) }));

        var session = Run(new[] { rule }, new Person("a", 1), new Person("b", 1), new Order("b"));

        session.Findings.Should().ContainSingle().Which.Basis.Facts[0].Value.Should().Be("a");
    }

    [Fact]
    public void Fire_ExistsCondition_FiresOnceForManyFacts()
    {
        var rule = Finding("AZA-TST-001").Exists<Order>("any order").Then(f => f.Raise(Array.Empty<BasisFact>()));

        var session = Run(new[] { rule }, new Order("a"), new Order("b"), new Order("c"));

        session.Findings.Should().HaveCount(1);
    }

    [Fact]
    public void Fire_OnceMode_FiresOnceWithEveryMatch()
    {
        var counts = new List<int>();
        var rule = Finding("AZA-TST-001").Match<Person>("anyone").Once().Then(f => counts.Add(f.Matches.Count));

        Run(new[] { rule }, new Person("a", 1), new Person("b", 1));

        counts.Should().Equal(2);
    }

    [Fact]
    public void Fire_ForwardChaining_InsertedFactIsMatchedByLaterRule()
    {
        var derive = Rule("AZA-DRV-901").Title("derive").Derivation().Salience(10).Logic("derive")
            .Match<Person>("child", p => p.Age < 18).Then(f => f.Insert(new Flag(f.Get<Person>(0).Name)));
        var report = Finding("AZA-TST-001").Match<Flag>("flagged").Then(f => f.Raise(new[] { new BasisFact("flag", f.Get<Flag>(0).Name) }));

        var session = Run(new[] { report, derive }, new Person("kid", 5));

        session.Findings.Should().ContainSingle().Which.Basis.Facts[0].Value.Should().Be("kid");
    }

    [Fact]
    public void Fire_InsertedFactBlocksNegation_PendingActivationIsWithdrawn()
    {
        // Higher salience inserts a Flag; the lower rule says "no flag" and must not fire afterwards.
        var derive = Rule("AZA-DRV-901").Title("derive").Derivation().Salience(10).Logic("derive")
            .Match<Person>("anyone").Then(f => f.Insert(new Flag("x")));
        var noFlag = Finding("AZA-TST-001").Match<Person>("anyone").Not<Flag>("no flag").Then(f => f.Raise(Array.Empty<BasisFact>()));

        var session = Run(new[] { noFlag, derive }, new Person("a", 1));

        session.Findings.Should().BeEmpty();
    }

    [Fact]
    public void Fire_Salience_HigherSalienceFiresFirstThenIdOrder()
    {
        var order = new List<string>();
        var rules = new[]
        {
            Finding("AZA-TST-003").Match<Person>("p").Then(_ => order.Add("003")),
            Finding("AZA-TST-001").Match<Person>("p").Then(_ => order.Add("001")),
            Finding("AZA-TST-002").Salience(5).Match<Person>("p").Then(_ => order.Add("002")),
        };

        Run(rules, new Person("a", 1));

        order.Should().Equal("002", "001", "003");
    }

    [Fact]
    public void Fire_RuleThrows_ErrorNamesRuleAndOtherRulesStillFire()
    {
        var rules = new[]
        {
            Finding("AZA-TST-001").Match<Person>("p").Then(_ => throw new InvalidOperationException("boom")),
            Finding("AZA-TST-002").Match<Person>("p").Then(f => f.Raise(Array.Empty<BasisFact>())),
        };

        var session = Run(rules, new Person("a", 1));

        session.Errors.Should().ContainSingle().Which.Should().Be(new RuleError("AZA-TST-001", "InvalidOperationException: boom"));
        session.Findings.Should().ContainSingle().Which.RuleId.Should().Be("AZA-TST-002");
    }

    [Fact]
    public void Fire_ConditionThrows_ErrorNamesRule()
    {
        var rule = Finding("AZA-TST-001").Match<Person>("bad", _ => throw new ArgumentException("bad condition")).Then(_ => { });

        var session = Run(new[] { rule }, new Person("a", 1));

        session.Errors.Should().ContainSingle().Which.RuleId.Should().Be("AZA-TST-001");
    }

    [Fact]
    public void Fire_RunawayChain_StopsAtFiringLimitNamingTheRules()
    {
        var loop = Rule("AZA-DRV-901").Title("loop").Derivation().Logic("loop")
            .Match<Flag>("any flag").Then(f => f.Insert(new Flag(f.Get<Flag>(0).Name + "!")));
        var compiled = CompiledRules.Compile(new[] { loop }, new RuleSetPolicy());
        var session = new Session(compiled, maxFirings: 50);
        session.Insert(new Flag("x"));

        session.Fire();

        session.FiringCount.Should().Be(50);
        session.Errors.Should().ContainSingle().Which.Message.Should().Contain("firing limit of 50").And.Contain("AZA-DRV-901 (50)");
    }

    [Fact]
    public void Fire_SameTupleAfterUnrelatedInsert_DoesNotFireTwice()
    {
        var count = 0;
        var derive = Rule("AZA-DRV-901").Title("derive").Derivation().Salience(-10).Logic("derive")
            .Match<Person>("p").Then(f => f.Insert(new Order(f.Get<Person>(0).Name)));
        var counter = Finding("AZA-TST-001").Match<Person>("p").Match<Order>("any order").Then(_ => count++);

        Run(new[] { derive, counter }, new Person("a", 1), new Order("seed"));

        count.Should().Be(2, "once for (a, seed) and once for (a, a)");
    }

    [Fact]
    public void Fire_Listener_ReceivesInsertsFiringsAndConditionOutcomes()
    {
        var rule = Finding("AZA-TST-001").Match<Person>("adult", p => p.Age >= 18).Then(_ => { });
        var listener = new RecordingListener();
        var session = new Session(CompiledRules.Compile(new[] { rule }, new RuleSetPolicy()), listener);
        session.Insert(new Person("a", 20));
        session.Insert(new Person("b", 10));

        session.Fire();

        listener.Inserted.Should().Be(2);
        listener.Fired.Should().Equal("AZA-TST-001");
        listener.Outcomes.Should().BeEquivalentTo(new[] { ("AZA-TST-001", 0, true), ("AZA-TST-001", 0, false) });
    }

    [Fact]
    public void Insert_FactOfUnreadType_IsIgnoredSafely()
    {
        var rule = Finding("AZA-TST-001").Match<Person>("p").Then(f => f.Raise(Array.Empty<BasisFact>()));

        var session = Run(new[] { rule }, "a string fact", new Person("a", 1));

        session.Findings.Should().HaveCount(1);
    }

    private sealed class RecordingListener : IRuleEventListener
    {
        public int Inserted { get; private set; }

        public List<string> Fired { get; } = new();

        public List<(string, int, bool)> Outcomes { get; } = new();

        public void FactInserted(object fact) => Inserted++;

        public void RuleFired(RuleMetadata rule, IReadOnlyList<object> facts) => Fired.Add(rule.Id);

        public void ConditionEvaluated(RuleMetadata rule, int conditionIndex, bool holds) => Outcomes.Add((rule.Id, conditionIndex, holds));
    }
}
