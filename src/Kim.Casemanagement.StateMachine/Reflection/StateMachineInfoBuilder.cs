namespace Kim.Casemanagement.StateMachine.Reflection;

/// <summary>Turns the internal representations into the public, static description.</summary>
internal static class StateMachineInfoBuilder
{
    public static StateMachineInfo Build<TState, TTrigger>(IEnumerable<StateRepresentation<TState, TTrigger>> representations, TState initialState)
        where TState : notnull
        where TTrigger : notnull
    {
        var all = representations.ToList();
        var infos = new Dictionary<TState, StateInfo>();

        StateInfo InfoFor(TState state)
        {
            if (!infos.TryGetValue(state, out var info))
            {
                var representation = all.FirstOrDefault(r => EqualityComparer<TState>.Default.Equals(r.UnderlyingState, state));
                info = representation is null
                    ? new StateInfo(state, [], [], null)
                    : new StateInfo(
                        state,
                        representation.EntryActions.Select(a => new ActionInfo(a.Description, a.HasFromTrigger ? a.FromTrigger : null)).ToArray(),
                        representation.ExitActions.Select(a => new ActionInfo(a.Description, null)).ToArray(),
                        representation.HasInitialTransition ? representation.InitialTransitionTarget : null);
                infos.Add(state, info);
            }

            return info;
        }

        foreach (var representation in all)
        {
            var info = InfoFor(representation.UnderlyingState);
            if (representation.Superstate is { } super)
            {
                var superInfo = InfoFor(super.UnderlyingState);
                info.SetSuperstate(superInfo);
                superInfo.AddSubstate(info);
            }
        }

        foreach (var representation in all)
        {
            var info = InfoFor(representation.UnderlyingState);
            foreach (var (trigger, behaviours) in representation.TriggerBehaviours)
            {
                foreach (var behaviour in behaviours)
                {
                    var guards = behaviour.Guard.Descriptions;
                    switch (behaviour)
                    {
                        case TransitioningTriggerBehaviour<TState, TTrigger> t:
                            info.AddFixed(new FixedTransitionInfo(trigger, InfoFor(t.Destination), guards, IsReentry: false));
                            break;
                        case ReentryTriggerBehaviour<TState, TTrigger> r:
                            info.AddFixed(new FixedTransitionInfo(trigger, InfoFor(r.Destination), guards, IsReentry: true));
                            break;
                        case DynamicTriggerBehaviour<TState, TTrigger> d:
                            info.AddDynamic(new DynamicTransitionInfo(trigger, d.DestinationDescription, d.PossibleDestinations.Select(InfoFor).ToArray(), guards));
                            break;
                        case IgnoredTriggerBehaviour<TState, TTrigger>:
                            info.AddIgnored(new IgnoredTransitionInfo(trigger, guards));
                            break;
                        case InternalTriggerBehaviour<TState, TTrigger> i:
                            info.AddInternal(new InternalTransitionInfo(trigger, i.ActionDescription, guards));
                            break;
                        default:
                            throw new InvalidOperationException($"Unknown trigger behaviour {behaviour.GetType().Name}.");
                    }
                }
            }
        }

        var initial = InfoFor(initialState);
        return new StateMachineInfo(infos.Values.ToArray(), initial, typeof(TState), typeof(TTrigger));
    }
}
