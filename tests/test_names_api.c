/*
** test_names_api.c: marsad_names_json, the recognition of a text without a
** database (marsad.h, "Entities"), as a library user calls it: its answer
** for a plain text, and MARSAD_MISUSE, not a failure of memory, for text
** that is not valid UTF-8 (whose names could not be JSON strings).
*/
#include "harness.h"
#include "marsad.h"

static void test_valid(void){
  const char *z = "قال الرئيس التركي رجب طيب أردوغان في أنقرة";
  char *zJson = 0;
  CHECK_EQ_INT(marsad_names_json(0, 0, z, strlen(z), 0, &zJson), MARSAD_OK);
  CHECK(zJson && strstr(zJson, "\"gazetteer\":\"person:erdogan\""));
  marsad_free(zJson);
}

static void test_invalid_utf8(void){
  const char *azBad[] = { "E\xb5" "B", "قال أردوغان \xff", "\xc3", 0 };
  for(int i=0; azBad[i]; i++){
    char *zJson = (char*)"unset";
    CHECK_EQ_INT(marsad_names_json(0, 0, azBad[i], strlen(azBad[i]), 0, &zJson), MARSAD_MISUSE);
    CHECK(zJson==0);
    zJson = (char*)"unset";
    CHECK_EQ_INT(marsad_names_json(azBad[i], strlen(azBad[i]), "نص", 4, MARSAD_NAMES_RULES, &zJson), MARSAD_MISUSE);
    CHECK(zJson==0);
  }
}

int main(void){
  RUN(test_valid);
  RUN(test_invalid_utf8);
  return DONE();
}
