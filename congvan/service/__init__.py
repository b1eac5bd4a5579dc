"""HTTP service and document/task store (`congvan serve`).

Nothing here is imported by `congvan extract`: FastAPI, uvicorn and SQLAlchemy load only when the service
starts (`congvan.service.app`, `congvan.service.store`); `congvan.service.command` imports click alone.
"""
