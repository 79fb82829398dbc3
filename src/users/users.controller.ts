import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AccessTokenService } from '../auth/access-token.service.js';
import { AccessToken } from '../auth/access-token.decorator.js';
import {
  Authenticated,
  CurrentUser,
  Public,
  type AuthUser,
} from '../common/decorators/auth.decorators.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { LoginUserRequestDto } from './dto/login-user.dto.js';
import { RegisterUserRequestDto } from './dto/register-user.dto.js';
import { UpdateUserRequestDto } from './dto/update-user.dto.js';
import { UserDto, UserResponseDto } from './dto/user-response.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('User and Authentication')
@ApiUnprocessableEntityResponse({
  description: 'Validation failed',
  type: ErrorResponseDto,
})
@Controller()
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: AccessTokenService,
  ) {}

  /** Register a new user. The response carries the token to use from now on. */
  @Public()
  @Post('users')
  @ApiOperation({ operationId: 'CreateUser' })
  async register(@Body() body: RegisterUserRequestDto): Promise<UserResponseDto> {
    const user = await this.users.register(body.user);
    return { user: UserDto.from(user, await this.tokens.issue(user.id)) };
  }

  /** Log in with e-mail and password. An unknown e-mail and a wrong password get the same 401. */
  @Public()
  @Post('users/login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'Login' })
  async login(@Body() body: LoginUserRequestDto): Promise<UserResponseDto> {
    const user = await this.users.authenticate(body.user.email, body.user.password);
    return { user: UserDto.from(user, await this.tokens.issue(user.id)) };
  }

  /** The current user, with the token that was sent. */
  @Authenticated()
  @Get('user')
  @ApiOperation({ operationId: 'GetCurrentUser' })
  async current(
    @CurrentUser() caller: AuthUser,
    @AccessToken() token: string,
  ): Promise<UserResponseDto> {
    const user = await this.users.getAccount(caller.id);
    return { user: UserDto.from(user, token) };
  }

  /** Update the current user; send only the fields to change. */
  @Authenticated()
  @Put('user')
  @ApiOperation({ operationId: 'UpdateCurrentUser' })
  async update(
    @CurrentUser() caller: AuthUser,
    @AccessToken() token: string,
    @Body() body: UpdateUserRequestDto,
  ): Promise<UserResponseDto> {
    const user = await this.users.update(caller.id, body.user);
    return { user: UserDto.from(user, token) };
  }
}
