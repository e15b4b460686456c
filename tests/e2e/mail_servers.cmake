# Throw-away Dovecot (IMAP) and Postfix (SMTP) servers for the e-mail tests
# (scripts/mail_test_servers.sh), started by CTest first and stopped last, like
# the PostgreSQL cluster in src/storage/postgres/CMakeLists.txt. A test that
# needs them declares
#   FIXTURES_REQUIRED mailservers
#   ENVIRONMENT "LUISTER_TEST_MAIL_DIR=${LUISTER_MAIL_TEST_DIR}"
# and reads the ports, domain, Maildir root and password from
# $LUISTER_TEST_MAIL_DIR/env (KEY=VALUE lines); it can add a mailbox with
# `scripts/mail_test_servers.sh adduser $LUISTER_TEST_MAIL_DIR LOCALPART`.
# The script needs root (as CI runs), and the directory's parents must be
# traversable by the unprivileged user that owns the mail store.
# Under /tmp (like the PostgreSQL cluster), whose parents every user can traverse.
set(LUISTER_MAIL_TEST_DIR /tmp/luister-mail-${LUISTER_BUILD_HASH})
if(LUISTER_BUILD_TESTS)
  add_test(NAME mail_servers_start
           COMMAND ${PROJECT_SOURCE_DIR}/scripts/mail_test_servers.sh start ${LUISTER_MAIL_TEST_DIR})
  set_tests_properties(mail_servers_start PROPERTIES FIXTURES_SETUP mailservers)
  add_test(NAME mail_servers_stop
           COMMAND ${PROJECT_SOURCE_DIR}/scripts/mail_test_servers.sh stop ${LUISTER_MAIL_TEST_DIR})
  set_tests_properties(mail_servers_stop PROPERTIES FIXTURES_CLEANUP mailservers)
endif()
