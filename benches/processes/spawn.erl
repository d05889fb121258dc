%% Spawns N idle processes (default 1,000,000). Each sends `up` to main
%% once it runs, then blocks in receive forever; main waits for every
%% `up`, measures memory, prints one line and halts.
%%   erlc spawn.erl && erl -noshell +P 2000000 +S 2 -run spawn main [N]
%% Prints: spawn impl=erlang n=N spawn_secs=S ready_secs=R rate=N/R
%%         rss_before_kb=A rss_after_kb=B bytes_per_process=(B-A)*1024/N
%%         erl_mem_bytes_per_process=(erlang:memory(total) delta)/N
%% rss is VmRSS from /proc/self/status (the same measure as spawn.lua);
%% erlang:memory(total) counts only what the VM itself allocated.
-module(spawn).
-export([main/0, main/1]).

main() -> main([]).
main(Args) ->
    N = case Args of [A | _] -> list_to_integer(A); [] -> 1000000 end,
    Me = self(),
    %% A million `up` messages queue here while main is still spawning;
    %% kept on the heap, each collection of main would copy them all.
    process_flag(message_queue_data, off_heap),
    garbage_collect(),
    Rss0 = rss_kb(), Mem0 = erlang:memory(total),
    T0 = erlang:monotonic_time(),
    spawn_n(N, Me),
    T1 = erlang:monotonic_time(),
    wait_up(N),
    T2 = erlang:monotonic_time(),
    garbage_collect(),
    Rss1 = rss_kb(), Mem1 = erlang:memory(total),
    Ready = secs(T2 - T0),
    io:format("spawn impl=erlang n=~b spawn_secs=~.2f ready_secs=~.2f rate=~b "
              "rss_before_kb=~b rss_after_kb=~b bytes_per_process=~b "
              "erl_mem_bytes_per_process=~b~n",
              [N, secs(T1 - T0), Ready, round(N / Ready), Rss0, Rss1,
               round((Rss1 - Rss0) * 1024 / N), round((Mem1 - Mem0) / N)]),
    halt(0).

idle(Parent) ->
    Parent ! up,
    receive stop -> ok end.

spawn_n(0, _) -> ok;
spawn_n(K, Me) -> spawn(fun() -> idle(Me) end), spawn_n(K - 1, Me).

wait_up(0) -> ok;
wait_up(K) -> receive up -> wait_up(K - 1) end.

secs(T) -> erlang:convert_time_unit(T, native, microsecond) / 1.0e6.

rss_kb() ->
    {ok, B} = file:read_file("/proc/self/status"),
    [L] = [L || L <- binary:split(B, <<"\n">>, [global]),
                binary:part(L, 0, min(6, byte_size(L))) =:= <<"VmRSS:">>],
    [_, Kb | _] = binary:split(L, [<<" ">>, <<"\t">>], [global, trim_all]),
    binary_to_integer(Kb).
