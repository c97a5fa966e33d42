/*
** Plain driver for the fuzz targets: replays every file of the directories
** (or files) named on the command line through LLVMFuzzerTestOneInput, so a
** fuzz target's corpus, crashes included, runs as an ordinary test.
*/
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData);

/* Feed one file to the target. Returns 0 on success, 1 if it can't be read. */
static int replay_file(const char *zPath){
  FILE *f = fopen(zPath, "rb");
  if( f==0 ){ fprintf(stderr, "%s: cannot open\n", zPath); return 1; }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  uint8_t *a = malloc(n>0 ? (size_t)n : 1);
  size_t got = a ? fread(a, 1, (size_t)(n>0 ? n : 0), f) : 0;
  fclose(f);
  if( a==0 ) return 1;
  LLVMFuzzerTestOneInput(a, got);
  free(a);
  return 0;
}

/* Replays a directory's regular files (not recursive). Returns files failed. */
static int replay_dir(const char *zDir, int *pnRun){
  DIR *d = opendir(zDir);
  if( d==0 ) return replay_file(zDir)==0 ? (++*pnRun, 0) : 1;
  int nFail = 0;
  struct dirent *e;
  while( (e = readdir(d))!=0 ){
    if( e->d_name[0]=='.' ) continue;
    char zPath[4096];
    snprintf(zPath, sizeof zPath, "%s/%s", zDir, e->d_name);
    struct stat st;
    if( stat(zPath, &st)!=0 || !S_ISREG(st.st_mode) ) continue;
    if( replay_file(zPath) ) nFail++; else ++*pnRun;
  }
  closedir(d);
  return nFail;
}

int main(int argc, char **argv){
  int nRun = 0, nFail = 0;
  LLVMFuzzerTestOneInput((const uint8_t*)"", 0);
  for(int i=1; i<argc; i++) nFail += replay_dir(argv[i], &nRun);
  printf("%d passed, %d failed\n", nRun, nFail);
  return nFail ? 1 : 0;
}
