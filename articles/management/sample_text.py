"""Text for the benchmark seeders (`benchmark_search`, `seed_bench`): words of local
news drawn with Zipf's law (the n-th word 1/n as often as the first), so stories have
common, middling and rare words as real ones do, and a long tail of names."""

import random
from itertools import accumulate

# Most common first.
VOCABULARY = """
council city harbour people year week said plan new police school road water money
government minister family service report local town hospital children public price
workers market river housing budget election community centre street health project
court transport station bridge museum residents business month morning evening night
mayor energy coast storm flood wall festival music team match club season league
park garden library church village farm weather rain wind summer winter autumn spring
trade union strike talks vote party campaign candidate seat result count turnout
ferry tram bus line depot route timetable fare passenger driver crew pilot airport
fire crews rescue boat lifeboat cliff beach tide sea island port ship shipyard dock
factory jobs wages rent homes tenants landlord planning permission developer tower
museum gallery exhibition artist painting concert theatre stage film book author
teacher pupils exams university students research scientists study data survey
doctors nurses patients ward clinic waiting list ambulance care home elderly young
fish market traders stall quay warehouse grain store mill canal lock towpath path
heritage history archive records photograph collection donation charity volunteers
police officers arrest charge trial judge jury verdict sentence appeal prison
bank loan debt interest inflation shops sales customers online delivery parcel
climate emissions solar turbine grid power cable pipeline engineers repairs works
closure delay disruption diversion traffic cyclists pedestrians crossing lights
contract tender cost overrun audit inquiry review findings recommendations
""".split()
# The long tail: names of people, places and firms.
_SYLLABLES = "ka lo mer vin dal tor ast bel cor dun fen gar hol ith jun".split()
NAMES = [a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES]
VOCABULARY += NAMES
_ZIPF = list(accumulate(1 / rank for rank in range(1, len(VOCABULARY) + 1)))


class SampleText:
    """Words, sentences and paragraphs drawn with `rng`: the same ones for the same
    seed, so benchmark runs compare."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def words(self, low: int, high: int) -> list[str]:
        return self.rng.choices(
            VOCABULARY, cum_weights=_ZIPF, k=self.rng.randint(low, high)
        )

    def sentence(self) -> str:
        return " ".join(self.words(8, 20)).capitalize() + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))

    def headline(self) -> str:
        return " ".join(self.words(5, 10)).capitalize()
