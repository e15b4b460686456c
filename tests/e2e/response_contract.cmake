# Runs the end-to-end API and error tests with every response recorded
# (LUISTER_E2E_RECORD), then validates the recording against
# docs/openapi.yaml (web/e2e-contract/, node --test). Called by CTest with
# -DE2E=<test binary> -DNODE=<node> -DWEB=<web dir> -DRECORDING=<file>.
file(REMOVE ${RECORDING})
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env LUISTER_E2E_RECORD=${RECORDING}
          ${E2E} --gtest_filter=ApiTest.*:AuditTest.*:ErrorsTest.*:PhoneTest.*:ShopTest.*:WebFormTest.*:SocialTest.*:ChatTest.*:DuplicatesTest.*:PromisesTest.*:AnswersTest.*:StaffingTest.*
  RESULT_VARIABLE e2e_result)
if(NOT e2e_result EQUAL 0)
  message(FATAL_ERROR "the end-to-end tests failed (${e2e_result}); nothing validated")
endif()
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env LUISTER_E2E_RECORDING=${RECORDING}
          ${NODE} --test e2e-contract/
  WORKING_DIRECTORY ${WEB}
  RESULT_VARIABLE check_result)
if(NOT check_result EQUAL 0)
  message(FATAL_ERROR "responses disagree with docs/openapi.yaml (see above)")
endif()
